#!/usr/bin/env python3
"""Issue #11 in the browser: the demo's creative park is taken through a third-party evaluation to a
certificate, which is then checked online, verified offline with the CLI, fails when any byte is
changed, and is revoked. Called by browser_test.py; on its own against a running demo:

    scripts/zp_evaluation_flow.py BASE_URL ZEROPARK_BINARY
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def run(driver, base, binary, login, logout, wait, check, shot):
    print("browser test: the creative park is evaluated by the auditor and certified by the issuer (issue #11)")
    login("auditor", "zeropark-auditor")
    driver.get(base + "/parks/xihu-creative/evaluations")
    check(driver.find_elements(By.ID, "evaluations-none"), "the park has no evaluation yet")
    driver.find_element(By.NAME, "operation_start").send_keys("2023-01-01")
    driver.find_element(By.NAME, "operation_evidence").send_keys("园区竣工验收备案（示例）")
    driver.find_element(By.ID, "evaluation-open-submit").click()
    wait(driver, lambda d: d.find_elements(By.ID, "evaluation-form"))
    evaluation_url = driver.current_url
    check("/parks/xihu-creative/evaluations/" in evaluation_url, f"the evaluation opens as a draft ({evaluation_url})")
    snapshot = Select(driver.find_element(By.ID, "snapshot-2025")).first_selected_option.text
    check(snapshot.startswith("#"), f"the 2025 basis rests on the park's stored snapshot ({snapshot})")
    check("待评价人完成核查项" in driver.find_element(By.ID, "grade-0").text, "before the checklist is answered the grade is pending")
    check("通过" in driver.find_element(By.ID, "line-0-balance").text, "the balance over 2025 passes (1.1.12)")
    # Submitting with an unanswered item is refused and names what is missing.
    driver.find_element(By.ID, "evaluation-submit").click()
    wait(driver, lambda d: d.find_elements(By.ID, "evaluation-error"))
    check("核查项" in driver.find_element(By.ID, "evaluation-error").text, "a submission with unanswered items is refused, saying why")
    for item, evidence in [("compliance", "设计文件、环评与消防验收意见（示例）"), ("catalogue", "设备清单对照国家绿色低碳先进技术目录（示例）")]:
        Select(driver.find_element(By.ID, f"{item}-passed")).select_by_value("true")
        area = driver.find_element(By.ID, f"{item}-evidence")
        area.clear()
        area.send_keys(evidence)
    driver.find_element(By.ID, "evaluation-save").click()
    wait(driver, lambda d: d.find_elements(By.ID, "evaluation-saved"))
    # A file attached as evidence to the compliance item: listed with its SHA-256, which the certificate will carry.
    evidence_dir = tempfile.mkdtemp(prefix="zeropark-evidence-")
    evidence = os.path.join(evidence_dir, "消防验收意见.pdf")
    evidence_bytes = b"%PDF-1.4\n% ZeroPark browser test evidence\n%%EOF\n"
    open(evidence, "wb").write(evidence_bytes)
    evidence_hash = hashlib.sha256(evidence_bytes).hexdigest()
    Select(driver.find_element(By.ID, "evidence-item")).select_by_value("compliance")
    driver.find_element(By.ID, "evidence-file").send_keys(evidence)
    driver.find_element(By.ID, "evidence-submit").click()
    wait(driver, lambda d: d.find_elements(By.ID, "evidence-sha-1"))
    check(driver.find_element(By.ID, "evidence-sha-1").text == evidence_hash and "消防验收意见.pdf" in driver.find_element(By.ID, "evidence").text,
          f"an evidence file is attached to the compliance item, with its SHA-256 ({evidence_hash[:16]}…)")
    shot("20-evaluation-draft")
    driver.find_element(By.ID, "evaluation-submit").click()
    wait(driver, lambda d: "已提交" in d.find_element(By.ID, "evaluation-state").text)
    check("智慧零碳园区" == driver.find_element(By.ID, "grade-0").text, "the submitted result grades the park 智慧零碳园区")
    check(not driver.find_elements(By.ID, "decide-form"), "the evaluator cannot decide the evaluation")
    logout()

    login("admin", "zeropark-admin")
    driver.get(evaluation_url)
    wait(driver, lambda d: d.find_elements(By.ID, "decide-form"))
    shot("21-evaluation-submitted")
    driver.find_element(By.ID, "decide-submit").click()
    wait(driver, lambda d: d.find_elements(By.ID, "evaluation-certificate"))
    check("已决定" in driver.find_element(By.ID, "evaluation-state").text, "the issuer's decision is recorded")
    driver.find_element(By.CSS_SELECTOR, "#evaluation-certificate a").click()
    wait(driver, lambda d: d.find_elements(By.ID, "verify-status"))
    verify_url = driver.current_url
    check("有效" in driver.find_element(By.ID, "verify-status").text, "the online check finds the certificate valid")
    check(driver.find_element(By.ID, "verify-park").text == "西湖数字创意园", "the certificate names the park")
    check(driver.find_element(By.ID, "verify-grade").text == "智慧零碳园区", "… its grade")
    check(driver.find_element(By.ID, "verify-year").text.isdigit(), "… the year of recognition")
    check(driver.find_element(By.ID, "verify-period").text == "2025-01-01 – 2025-12-31", "… and the zero-carbon period (the 2025 basis)")
    shot("22-verify")

    workdir = tempfile.mkdtemp(prefix="zeropark-certificate-")
    certificate = os.path.join(workdir, "certificate.json")
    key = os.path.join(workdir, "issuer.pub")
    for link, path in [("verify-download", certificate), ("verify-key-download", key)]:
        href = driver.find_element(By.ID, link).get_attribute("href")
        with urllib.request.urlopen(href, timeout=10) as response, open(path, "wb") as out:
            out.write(response.read())

    def verify(path, *extra):
        done = subprocess.run([binary, "certificate", "verify", path, "--key", key, *extra], capture_output=True, text=True)
        return done.returncode, (done.stdout + done.stderr).strip()

    # The certificate's PDF, printed by headless Chromium: Chinese text, and a QR code that opens the online check.
    pdf = os.path.join(workdir, "certificate.pdf")
    with urllib.request.urlopen(driver.find_element(By.ID, "verify-pdf").get_attribute("href"), timeout=90) as response, open(pdf, "wb") as out:
        out.write(response.read())
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    check("智慧零碳园区证书" in text and "西湖数字创意园" in text and "2025-01-01 – 2025-12-31" in text,
          "the certificate PDF carries the park, the grade and the period in Chinese (pdftotext)")
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", pdf, os.path.join(workdir, "page")], check=True)
    pages = [name for name in os.listdir(workdir) if name.startswith("page") and name.endswith(".png")]
    decoded = subprocess.run(["zbarimg", "-q", "--raw", os.path.join(workdir, pages[0])], capture_output=True, text=True).stdout.strip()
    check(decoded == verify_url, f"its QR code decodes to the online check ({decoded})")

    signed = json.load(open(certificate, encoding="utf-8"))
    check(signed["credentialSubject"]["hashes"].get("evidence-1-compliance") == evidence_hash,
          "the certificate carries the evidence file's SHA-256")
    code, text = verify(certificate)
    check(code == 0 and text.startswith("VALID") and "西湖数字创意园" in text, f"the downloaded certificate verifies offline with the CLI ({text[:90]}…)")
    original = open(certificate, "rb").read()
    failures = {}
    # Flip one byte at a time, at positions spread over the whole document (every byte is covered by CertificateTests).
    for position in range(0, len(original), max(1, len(original) // 40)):
        tampered = bytearray(original)
        tampered[position] ^= 0x01
        path = os.path.join(workdir, "tampered.json")
        open(path, "wb").write(bytes(tampered))
        code, text = verify(path)
        if code == 0:
            raise AssertionError(f"flipping byte {position} still verifies: {text}")
        failures[text.split(":", 1)[1].strip().split(":")[0] if ":" in text else text] = True
    check(True, f"flipping any of {len(range(0, len(original), max(1, len(original) // 40)))} bytes spread over the certificate fails verification, "
                f"naming why ({'; '.join(sorted(failures)[:3])} …)")

    # The disclosure shows the certificate with its status once the park is published (1.1.2(d)).
    driver.get(base + "/parks/xihu-creative/settings")
    if not driver.find_element(By.ID, "published").is_selected():
        driver.find_element(By.ID, "published").click()
    driver.find_element(By.ID, "published").find_element(By.XPATH, "ancestor::form").submit()
    wait(driver, lambda d: "/public/xihu-creative" in d.page_source)
    # … and discloses its 2025 snapshot rather than live figures (issue #12 defect 10).
    driver.get(base + "/parks/xihu-creative/settings")
    Select(driver.find_element(By.ID, "published-snapshot")).select_by_index(1)
    driver.find_element(By.ID, "published-snapshot-submit").click()
    wait(driver, lambda d: d.find_elements(By.ID, "published-snapshot-state"))
    driver.get(base + "/public/xihu-creative")
    check("公开依据：盘查快照" in driver.find_element(By.ID, "disclosure-basis").text,
          "the disclosure names the published snapshot, its dates and hashes")
    driver.find_element(By.ID, "disclosure-report").click()
    wait(driver, lambda d: d.find_elements(By.ID, "lineage"))
    check("园区碳排放与碳吸收报告" in driver.page_source, "and anyone can open that snapshot's report from it")
    driver.get(base + "/public/xihu-creative")
    rows = driver.find_elements(By.CSS_SELECTOR, "#disclosure-certificates tbody tr")
    check(len(rows) == 1 and "智慧零碳园区" in rows[0].text and "有效" in rows[0].text, "the public disclosure lists the certificate as valid")

    driver.get(verify_url)
    driver.find_element(By.NAME, "reason").send_keys("评价所依据的 2025 年数据更正后需重新评价（测试）")
    driver.find_element(By.ID, "revoke-submit").click()
    wait(driver, lambda d: d.find_elements(By.ID, "verify-revocation"))
    check("已撤销" in driver.find_element(By.ID, "verify-status").text, "after revocation the online check says revoked, with the reason")
    revoked = os.path.join(workdir, "revoked.txt")
    with urllib.request.urlopen(base + "/verify/revoked.txt", timeout=10) as response, open(revoked, "wb") as out:
        out.write(response.read())
    code, text = verify(certificate, "--revoked", revoked)
    check(code != 0 and "revoked" in text, f"offline, with the published revocation list, the CLI refuses it ({text[:100]})")
    driver.get(base + "/public/xihu-creative")
    check("已撤销" in driver.find_element(By.ID, "disclosure-certificates").text, "the disclosure shows the revocation")
    shot("23-verify-revoked")
    logout()
    # A draft left open on the demo park, so that the page sweep also sees the checklist and upload forms.
    login("auditor", "zeropark-auditor")
    driver.get(base + "/parks/nansha-demo/evaluations")
    driver.find_element(By.NAME, "operation_start").send_keys("2023-01-01")
    driver.find_element(By.ID, "evaluation-open-submit").click()
    wait(driver, lambda d: d.find_elements(By.ID, "evidence-form"))
    draft_url = driver.current_url
    logout()
    return evaluation_url[len(base):], verify_url[len(base):], draft_url[len(base):]


def run_report(driver, base, login, logout, wait, check, shot):
    """The emissions-and-sequestration report of a stored snapshot as a page, a PDF and a workbook (issue #11 item 1).
    Returns the creative park's report path and the path of the demo park's new snapshot (for the page sweep)."""
    import openpyxl
    print("browser test: the report of the creative park's 2025 snapshot, as a page, a PDF and an XLSX workbook (issue #11)")
    login("manager", "zeropark-manager")
    driver.get(base + "/parks/xihu-creative/inventories?year=2025")
    link = driver.find_element(By.CSS_SELECTOR, "a[id^=report-]:not([id^=report-pdf]):not([id^=report-xlsx])")
    snapshot = link.get_attribute("id").split("-", 1)[1]
    link.click()
    wait(driver, lambda d: d.find_elements(By.ID, "lineage"))
    check("园区碳排放与碳吸收报告" in driver.page_source and len(driver.find_elements(By.CSS_SELECTOR, "svg")) >= 2,
          "the report page has its title and its charts")
    for section in ["profile", "sources", "factors", "systems", "sinks", "offsets", "balance", "indicator", "quality", "pathway", "lineage"]:
        if not driver.find_elements(By.ID, section):
            raise AssertionError(f"the report has no {section} section")
    check(True, "it has the profile, sources, factors with their sources, systems, sinks, offsets, balance, indicator, "
                "data quality, plan and trial, and lineage")
    shot("24-report")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())

    def fetch(path):
        request = urllib.request.Request(base + path, headers={"Cookie": cookie})
        with urllib.request.urlopen(request, timeout=90) as response:
            return response.read()

    workdir = tempfile.mkdtemp(prefix="zeropark-report-")
    pdf = os.path.join(workdir, "report.pdf")
    open(pdf, "wb").write(fetch(f"/parks/xihu-creative/inventories/{snapshot}/report.pdf"))
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    check("园区碳排放与碳吸收报告" in text and "西湖数字创意园" in text and "排放因子与参数" in text and "溯源" in text,
          "the PDF report renders its Chinese text (pdftotext)")
    # The charts' axis numbers are in 万 on Chinese pages (the tables write every digit), and the bar chart labels each system.
    check("1.1万" in text and "交通 38.7" in text, "… and its charts (the waterfall's 万 axis and the by-system bars are in the PDF's text)")
    first = fetch(f"/parks/xihu-creative/inventories/{snapshot}/report.xlsx")
    second = fetch(f"/parks/xihu-creative/inventories/{snapshot}/report.xlsx")
    check(first == second, f"the workbook is re-made byte for byte from the snapshot ({len(first)} bytes twice)")
    path = os.path.join(workdir, "report.xlsx")
    open(path, "wb").write(first)
    book = openpyxl.load_workbook(path)
    check(["园区概况", "排放源", "排放因子与参数", "按系统", "碳汇", "碳抵消", "碳平衡", "国家核心指标", "数据质量与监测", "碳中和方案与试运行", "溯源"]
          == book.sheetnames[:11],
          f"the XLSX opens with openpyxl, one sheet per table ({', '.join(book.sheetnames)})")
    sources = book["排放源"]
    check(sources.cell(1, 1).value == "编号" and isinstance(sources.cell(2, 8).value, float),
          "its sources sheet has a header and stores tCO2 as numbers")
    balance = {row[0].value: row[1].value for row in book["碳平衡"].iter_rows(min_row=2)}
    check(abs(balance["净排放 = 排放 − 吸收 − 抵消"]) < 1e-6, f"its balance sheet nets to 0 for the balanced park ({balance['净排放 = 排放 − 吸收 − 抵消']})")
    # The demo park has meters, a plan and a trial year in progress: a snapshot saved now carries them,
    # and its report draws the metered completeness, the plan's path and the trial against the plan.
    driver.get(base + "/parks/nansha-demo/inventories?year=2026")
    driver.find_element(By.ID, "snapshot-submit").click()
    report_link = "a[id^=report-]:not([id^=report-pdf]):not([id^=report-xlsx])"
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, report_link))
    newest = driver.find_element(By.CSS_SELECTOR, report_link).get_attribute("id").split("-", 1)[1]
    driver.get(base + f"/parks/nansha-demo/inventories/{newest}/report")
    wait(driver, lambda d: d.find_elements(By.ID, "lineage"))
    labels = [e.get_attribute("aria-label") for e in driver.find_elements(By.CSS_SELECTOR, "svg[aria-label]")]
    check(["碳平衡", "按系统排放", "计量数据完整率", "中和方案路径（第 1 版）", "试运行：实际净排放与方案（月）"] == labels,
          f"the demo park's report draws monitoring, plan and trial charts ({', '.join(labels)})")
    shot("25-report-charts")
    demo_pdf = os.path.join(workdir, "report-demo.pdf")
    open(demo_pdf, "wb").write(fetch(f"/parks/nansha-demo/inventories/{newest}/report.pdf"))
    text = subprocess.run(["pdftotext", demo_pdf, "-"], capture_output=True, text=True, check=True).stdout
    check("剩余净排放" in text and "抵消平衡" in text and "实际（部分数据）" in text,
          "… and its PDF carries them (the plan and trial charts' legends are in the PDF's text)")
    logout()
    return f"/parks/xihu-creative/inventories/{snapshot}/report", f"/parks/nansha-demo/inventories/{newest}"


if __name__ == "__main__":
    from selenium import webdriver
    from zp_testlib import browser_login, check, wait

    base, binary = sys.argv[1], sys.argv[2]
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=zh-CN"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options)
    login = lambda user, password: browser_login(driver, base, user, password)  # noqa: E731
    shot = lambda name: driver.save_screenshot(f"/tmp/{name}.png")  # noqa: E731
    try:
        run(driver, base, binary, login, driver.delete_all_cookies, wait, check, shot)
        run_report(driver, base, login, driver.delete_all_cookies, wait, check, shot)
    finally:
        driver.quit()
