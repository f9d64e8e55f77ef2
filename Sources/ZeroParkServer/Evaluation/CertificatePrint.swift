import Foundation
import Mustache
import ZeroParkEvaluation
import ZeroParkQR
import ZeroParkReports

/// The certificate as a printable A4 page (issue #11 item 4; STANDARD.md Certificate clause): the four
/// items the standard names — park, grade, year of recognition, zero-carbon period — with the rule pack,
/// the basis figures, evaluator, issuer, validity, the key id and the hashes, and a QR code that opens the
/// online check. Self-contained (inline CSS and SVG, a policy that forbids any fetch), so Chromium prints
/// it to PDF without the network. Chinese first, the English beneath.
enum CertificatePrint {
    /// The print page of a parsed certificate; `checkURL` is the online check the QR code opens.
    static func html(document: CanonicalValue, checkURL: String, keyID: String) -> String {
        let subject = document["credentialSubject"]
        func text(_ value: CanonicalValue?) -> String { value?.stringValue ?? "—" }
        func tonnes(_ value: CanonicalValue?) -> String { value?.stringValue.flatMap(Double.init).map { Display.number($0) } ?? "—" }
        let pack = text(subject?["rulePack"]?["id"])
        let packName = EvaluationService.packs.first { $0.id == pack }
        var hashes: [[String: String]] = []
        if case let .object(members)? = subject?["hashes"] {
            hashes = members.sorted { $0.key < $1.key }.map { ["name": $0.key, "value": $0.value.stringValue ?? ""] }
        }
        let qr = (try? QRCode(checkURL))?.svg(size: 130, label: checkURL) ?? ""
        let data: [String: Any] = [
            "park": text(subject?["park"]?["name"]), "parkID": text(subject?["park"]?["id"]),
            "gradeZh": text(subject?["grade"]?["zh"]), "gradeEn": text(subject?["grade"]?["en"]),
            "year": subject?["yearOfRecognition"]?.canonical ?? "—",
            "start": text(subject?["zeroCarbonPeriod"]?["start"]), "end": text(subject?["zeroCarbonPeriod"]?["end"]),
            "packZh": packName?.nameZh ?? pack, "packEn": packName?.nameEn ?? pack, "pack": pack, "packVersion": text(subject?["rulePack"]?["version"]),
            "emissions": tonnes(subject?["figures"]?["emissionsTco2"]), "sequestration": tonnes(subject?["figures"]?["sequestrationTco2"]),
            "offsets": tonnes(subject?["figures"]?["offsetsTco2"]), "net": tonnes(subject?["figures"]?["netTco2"]),
            "evaluator": text(subject?["evaluator"]), "issuer": text(document["issuer"]?["name"]),
            "validFrom": text(document["validFrom"]), "validUntil": document["validUntil"]?.stringValue ?? "不限 / open",
            "id": text(document["id"]), "keyID": keyID, "qr": qr, "checkURL": checkURL, "hashes": hashes,
        ]
        return (try? MustacheTemplate(string: template))?.render(data) ?? ""
    }

    static let template = """
    <!doctype html>
    <html lang="zh-CN"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
    <title>智慧零碳园区证书 · {{park}}</title>
    <style>
    @page { size: A4; margin: 12mm; }
    body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; color: #17311f; margin: 0; }
    .frame { border: 3px double #1f5f3a; padding: 10mm 11mm 8mm; box-sizing: border-box; }
    h1 { text-align: center; font-size: 30pt; letter-spacing: 0.3em; margin: 4mm 0 0; }
    .en { font-family: "Noto Sans CJK SC", sans-serif; color: #4b6354; font-size: 9.5pt; }
    h1 + .en { text-align: center; letter-spacing: 0.1em; margin-bottom: 6mm; }
    .park { text-align: center; font-size: 22pt; margin: 5mm 0 1mm; }
    .grade { text-align: center; font-size: 18pt; color: #1f5f3a; margin: 4mm 0 1mm; }
    p { margin: 0.5mm 0; }
    .center { text-align: center; }
    table { width: 100%; border-collapse: collapse; margin-top: 6mm; font-size: 10pt; }
    td { padding: 1.4mm 1mm; border-bottom: 0.3mm solid #c9d8cd; vertical-align: top; }
    td:first-child { width: 38%; }
    .foot { display: flex; gap: 6mm; align-items: flex-start; margin-top: 6mm; break-inside: avoid; }
    .foot p { margin: 0 0 2mm; font-size: 9pt; }
    code { font-family: "Noto Sans Mono CJK SC", monospace; font-size: 7.5pt; word-break: break-all; }
    .hashes { margin-top: 4mm; }
    .hashes td { font-size: 7pt; padding: 0.6mm 1mm; }
    @media screen and (max-width: 640px) {
      .frame { padding: 4mm 3mm; } h1 { font-size: 22pt; letter-spacing: 0.15em; } .park { font-size: 17pt; }
      table { table-layout: fixed; } td:first-child { width: 40%; } .foot { flex-direction: column; }
    }
    </style></head><body><div class="frame">
    <h1>智慧零碳园区证书</h1><p class="en" lang="en">Certificate · Smart Zero-Carbon Park</p>
    <p class="park" id="certificate-park">{{park}}</p><p class="center en" lang="en">{{parkID}}</p>
    <p class="grade" id="certificate-grade">{{gradeZh}}</p><p class="center en" lang="en">{{gradeEn}}</p>
    <table>
    <tr><td>认定年份<br><span class="en" lang="en">Year of recognition</span></td><td id="certificate-year">{{year}}</td></tr>
    <tr><td>零碳周期（评价基础期）<br><span class="en" lang="en">Zero-carbon period (evaluation basis)</span></td><td id="certificate-period">{{start}} – {{end}}</td></tr>
    <tr><td>评价依据<br><span class="en" lang="en">Rule pack</span></td><td>{{packZh}}<br><span class="en" lang="en">{{packEn}} · {{pack}} v{{packVersion}}</span></td></tr>
    <tr><td>基础期年均（tCO2）<br><span class="en" lang="en">Basis averages (tCO2)</span></td><td>排放 {{emissions}} · 吸收 {{sequestration}} · 抵消 {{offsets}} · 净排放 {{net}}</td></tr>
    <tr><td>评价人<br><span class="en" lang="en">Evaluator</span></td><td>{{evaluator}}</td></tr>
    <tr><td>签发方<br><span class="en" lang="en">Issuer</span></td><td>{{issuer}}</td></tr>
    <tr><td>有效期<br><span class="en" lang="en">Validity</span></td><td>{{validFrom}} – {{validUntil}}</td></tr>
    </table>
    <div class="foot">{{{qr}}}<div>
    <p>扫描二维码或访问以下地址在线核验（签名、有效期、撤销状态）：<br><span class="en" lang="en">Scan or open to check the signature, validity and revocation online:</span></p>
    <p><code id="certificate-url">{{checkURL}}</code></p>
    <p>离线核验 / offline: <code>zeropark certificate verify CERT.json --key ISSUER.pub</code></p>
    <p>证书编号 / ID: <code>{{id}}</code><br>签发密钥 / key: <code>{{keyID}}</code></p>
    </div></div>
    <table class="hashes">{{#hashes}}<tr><td><code>{{name}}</code></td><td><code>{{value}}</code></td></tr>{{/hashes}}</table>
    </div></body></html>
    """
}
