import Mustache

/// The evaluation pages' templates: the list with the open form, one evaluation (the evaluator's draft
/// form, the result lines with their clauses, the issuer's decision) and the public certificate check.
/// No JavaScript.
///
/// Serves STANDARD.md 1.1.12, 1.1.41–1.1.43, Table 1 and the Certificate clause.
enum EvaluationTemplates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        try library.register(list, named: "evaluations")
        try library.register(detail, named: "evaluation")
        try library.register(verify, named: "verify")
        return library
    }

    static let list = """
    <h1>{{e.title}} · {{name}}</h1>
    <p class="note">{{e.intro}}</p>
    {{#hasProblems}}<div class="error" id="evaluation-error"><ul>{{#problems}}<li>{{message}}</li>{{/problems}}</ul></div>{{/hasProblems}}
    <section class="card"><h2>{{e.list}}</h2>
    {{#hasEvaluations}}<div class="scroll"><table id="evaluations"><thead><tr><th>{{e.id}}</th><th>{{e.state}}</th><th>{{e.basis}}</th><th>{{e.grade}}</th><th>{{e.openedBy}}</th><th>{{e.certificate}}</th></tr></thead>
    <tbody>{{#evaluations}}<tr id="evaluation-{{id}}"><td><a href="/parks/{{parkKey}}/evaluations/{{id}}">#{{id}}</a></td><td>{{state}}</td><td>{{basis}}</td><td>{{grade}}</td><td>{{openedBy}} · {{openedAt}}</td>
    <td>{{#certificate}}<a href="/verify/{{certificate}}">{{e.viewCertificate}}</a>{{/certificate}}</td></tr>{{/evaluations}}</tbody></table></div>{{/hasEvaluations}}
    {{^hasEvaluations}}<p class="note" id="evaluations-none">{{e.none}}</p>{{/hasEvaluations}}
    </section>
    {{#canOpen}}<section class="card"><h2>{{e.open}}</h2>
    <form method="post" action="/parks/{{parkKey}}/evaluations" id="evaluation-open">
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <p><label>{{e.evaluator}} <input name="evaluator" value="{{evaluator}}" required></label></p>
    <p><label>{{e.operationStart}} <input name="operation_start" value="{{form.operation_start}}" placeholder="YYYY-MM-DD" required></label>
    <label>{{e.operationEvidence}} <input name="operation_evidence" value="{{form.operation_evidence}}"></label></p>
    <p><label>{{e.basis}} <select name="basis"><option value="last_year">{{e.lastYear}}</option><option value="three_year_average">{{e.threeYear}}</option></select></label></p>
    <p><button type="submit" id="evaluation-open-submit">{{e.openButton}}</button></p>
    </form></section>{{/canOpen}}
    {{^canOpen}}<p class="note">{{e.onlyEvaluators}}</p>{{/canOpen}}
    """

    static let detail = """
    <p class="crumbs"><a href="/parks/{{parkKey}}/evaluations">{{e.list}}</a></p>
    <h1>{{e.title}} #{{id}} · {{name}}</h1>
    <p><span class="badge" id="evaluation-state">{{stateName}}</span> · {{e.evaluatedOn}} {{evaluatedOn}} · {{e.openedBy}} {{openedBy}} {{openedAt}}
    {{#submittedBy}} · {{e.submittedBy}} {{submittedBy}} {{submittedAt}}{{/submittedBy}}{{#decidedBy}} · {{e.decidedBy}} {{decidedBy}} {{decidedAt}}{{/decidedBy}}</p>
    {{#returned}}<p class="warn" id="evaluation-returned">{{e.returned}}{{returned}}</p>{{/returned}}
    {{#saved}}<p class="ok" id="evaluation-saved">{{e.saved}}</p>{{/saved}}
    {{#hasProblems}}<div class="error" id="evaluation-error"><ul>{{#problems}}<li>{{message}}</li>{{/problems}}</ul></div>{{/hasProblems}}
    {{#certificate}}<p class="ok" id="evaluation-certificate"><a href="/verify/{{certificate}}">{{e.viewCertificate}}</a> <code>{{certificate}}</code></p>{{/certificate}}
    {{#decidedWithout}}<p class="note" id="evaluation-no-certificate">{{e.noCertificate}}</p>{{/decidedWithout}}
    {{#hasYearProblems}}<div class="warnings" id="year-problems"><h2>{{e.yearProblems}}</h2><ul>{{#yearProblems}}<li>{{.}}</li>{{/yearProblems}}</ul></div>{{/hasYearProblems}}
    {{#editable}}<section class="card"><h2>{{e.checklist}}</h2>
    <form method="post" action="/parks/{{parkKey}}/evaluations/{{id}}" id="evaluation-form">
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <p><label>{{e.evaluator}} <input name="evaluator" value="{{form.evaluator}}" required></label></p>
    <p><label>{{e.operationStart}} <input name="operation_start" value="{{form.operation_start}}" placeholder="YYYY-MM-DD" required></label>
    <label>{{e.operationEvidence}} <input name="operation_evidence" value="{{form.operation_evidence}}"></label></p>
    <p><label>{{e.basis}} <select name="basis">{{#bases}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/bases}}</select></label></p>
    <h3>{{e.snapshots}}</h3>
    {{#years}}<p><label>{{year}} <select name="snapshot_{{year}}" id="snapshot-{{year}}">{{#choices}}<option value="{{id}}"{{#selected}} selected{{/selected}}>#{{id}} · {{createdAt}} · {{emissions}} tCO2</option>{{/choices}}{{^choices}}<option value="">{{e.noSnapshot}}</option>{{/choices}}</select></label></p>{{/years}}
    {{#items}}<fieldset id="item-{{id}}"><legend>[{{clause}}] {{text}}</legend>
    <p><label>{{e.passed}} <select name="{{id}}_passed" id="{{id}}-passed"><option value="">{{e.unanswered}}</option><option value="true"{{#met}} selected{{/met}}>{{e.met}}</option><option value="false"{{#notMet}} selected{{/notMet}}>{{e.notMet}}</option></select></label></p>
    <p><label>{{e.evidence}} <textarea name="{{id}}_evidence" id="{{id}}-evidence" rows="2">{{evidence}}</textarea></label></p>
    <p><label>{{e.finding}} <textarea name="{{id}}_finding" rows="2">{{finding}}</textarea></label></p></fieldset>{{/items}}
    <h3>{{e.adoptions}}</h3>
    {{#adoptions}}<p><label>{{e.adoptionPark}} <input name="adoption_{{index}}_park" value="{{park}}"></label>
    <label>{{e.adoptionType}} <select name="adoption_{{index}}_type">{{#types}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/types}}</select></label>
    <label>{{e.evidence}} <input name="adoption_{{index}}_evidence" value="{{evidence}}"></label></p>{{/adoptions}}
    <p class="actions"><button type="submit" name="action" value="save" id="evaluation-save">{{e.save}}</button>
    <button type="submit" name="action" value="submit" id="evaluation-submit">{{e.submit}}</button></p>
    </form></section>{{/editable}}
    <section class="card" id="evidence"><h2>{{e.evidenceFiles}}</h2>
    {{^hasEvidence}}<p class="note" id="evidence-none">{{e.noEvidence}}</p>{{/hasEvidence}}
    {{#hasEvidence}}<div class="scroll"><table><thead><tr><th>{{e.evidenceItem}}</th><th>{{e.fileName}}</th><th>{{e.fileType}}</th><th>{{e.fileSize}}</th><th>SHA-256</th><th>{{e.uploaded}}</th>{{#editable}}<th></th>{{/editable}}</tr></thead>
    <tbody>{{#evidence}}<tr id="evidence-{{id}}"><td>{{item}}</td><td><a href="{{href}}" id="evidence-download-{{id}}">{{fileName}}</a></td><td>{{kind}}</td><td class="num">{{size}}</td><td><code id="evidence-sha-{{id}}">{{sha256}}</code></td><td>{{by}} {{at}}</td>
    {{#editable}}<td><form method="post" action="{{href}}/delete"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="danger" id="evidence-delete-{{id}}">{{e.deleteFile}}</button></form></td>{{/editable}}</tr>{{/evidence}}</tbody></table></div>{{/hasEvidence}}
    {{#editable}}<form method="post" action="/parks/{{parkKey}}/evaluations/{{id}}/evidence" enctype="multipart/form-data" id="evidence-form" class="row">
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <label>{{e.evidenceItem}} <select name="item" id="evidence-item">{{#evidenceItems}}<option value="{{value}}">{{label}}</option>{{/evidenceItems}}</select></label>
    <input type="file" name="file" id="evidence-file" required accept=".pdf,.png,.jpg,.jpeg,.xlsx,.docx,.pptx,.csv,.txt">
    <button type="submit" id="evidence-submit">{{e.attach}}</button></form>
    <p class="note">{{e.evidenceRules}}</p>{{/editable}}</section>
    {{#packs}}<section class="card" id="pack-{{index}}"><h2>{{heading}}</h2>
    <p><span class="badge {{gradeClass}}" id="grade-{{index}}">{{grade}}</span></p>
    <div class="scroll"><table><thead><tr><th>{{e.clause}}</th><th>{{e.status}}</th><th>{{e.line}}</th></tr></thead>
    <tbody>{{#lines}}<tr id="line-{{pack}}-{{id}}"><td>{{clause}}</td><td><span class="badge {{kind}}">{{status}}</span></td><td>{{text}}</td></tr>{{/lines}}</tbody></table></div></section>{{/packs}}
    {{#figures}}<section class="card"><h2>{{e.figures}}</h2><table><tbody>
    <tr><td>{{e.emissions}}</td><td class="num">{{emissions}} tCO2</td></tr><tr><td>{{e.sequestration}}</td><td class="num">{{sequestration}} tCO2</td></tr>
    <tr><td>{{e.offsets}}</td><td class="num">{{offsets}} tCO2</td></tr><tr><td>{{e.net}}</td><td class="num" id="evaluation-net">{{net}} tCO2</td></tr></tbody></table></section>{{/figures}}
    {{#hasHashes}}<section class="card"><h2>{{e.hashes}}</h2><div class="scroll"><table><tbody>{{#hashes}}<tr><td>{{name}}</td><td><code>{{value}}</code></td></tr>{{/hashes}}</tbody></table></div></section>{{/hasHashes}}
    {{#decidable}}<section class="card" id="decision"><h2>{{e.decision}}</h2><p class="note">{{e.decisionNote}}</p>
    {{^hasIssuer}}<p class="warn">{{e.noIssuerKey}}</p>{{/hasIssuer}}
    <form method="post" action="/parks/{{parkKey}}/evaluations/{{id}}/decide" id="decide-form"><input type="hidden" name="_csrf" value="{{csrf}}">
    <p><label>{{e.validUntil}} <input name="valid_until" placeholder="YYYY-MM-DD"></label> <label>{{e.note}} <input name="note"></label></p>
    <p><button type="submit" id="decide-submit">{{e.decide}}</button></p></form>
    <form method="post" action="/parks/{{parkKey}}/evaluations/{{id}}/return" id="return-form"><input type="hidden" name="_csrf" value="{{csrf}}">
    <p><label>{{e.returnNote}} <input name="note" required></label> <button type="submit" id="return-submit">{{e.return}}</button></p></form></section>{{/decidable}}
    {{#ownSubmission}}<p class="note">{{e.fourEyes}}</p>{{/ownSubmission}}
    """

    static let verify = """
    <h1>{{v.title}}</h1>
    <p class="note">{{v.intro}}</p>
    {{#unknown}}<p class="warn" id="verify-unknown">{{v.unknown}}</p>{{/unknown}}
    {{#certificate}}
    <p><span class="badge {{statusClass}}" id="verify-status">{{status}}</span></p>
    {{#revocation}}<p class="warn" id="verify-revocation">{{v.revokedAt}} {{at}} · {{v.reason}}：{{reason}}</p>{{/revocation}}
    <section class="card"><table><tbody>
    <tr><td>{{v.park}}</td><td id="verify-park">{{park}}</td></tr>
    <tr><td>{{v.grade}}</td><td id="verify-grade">{{grade}}</td></tr>
    <tr><td>{{v.year}}</td><td id="verify-year">{{year}}</td></tr>
    <tr><td>{{v.period}}</td><td id="verify-period">{{period}}</td></tr>
    <tr><td>{{v.rulePack}}</td><td>{{rulePackName}} <code>{{rulePack}}</code></td></tr>
    <tr><td>{{v.figures}}</td><td id="verify-figures">{{v.emissions}} {{emissions}} · {{v.sequestration}} {{sequestration}} · {{v.offsets}} {{offsets}} · {{v.net}} {{net}}</td></tr>
    <tr><td>{{v.evaluator}}</td><td>{{evaluator}}</td></tr>
    <tr><td>{{v.issuer}}</td><td>{{issuer}}</td></tr>
    <tr><td>{{v.validity}}</td><td>{{validFrom}} – {{validUntil}}</td></tr>
    <tr><td>{{v.key}}</td><td><code id="verify-key">{{keyID}}</code></td></tr>
    </tbody></table></section>
    {{#hasHashes}}<section class="card"><h2>{{v.hashes}}</h2><div class="scroll"><table><tbody>{{#hashes}}<tr><td>{{name}}</td><td><code>{{value}}</code></td></tr>{{/hashes}}</tbody></table></div></section>{{/hasHashes}}
    <p><a href="/verify/{{id}}/certificate.json" id="verify-download">{{v.download}}</a> · <a href="/verify/keys/{{keyFile}}" id="verify-key-download">{{v.downloadKey}}</a> ·
    <a href="/verify/{{id}}/print" id="verify-print">{{v.print}}</a> · <a href="/verify/{{id}}/certificate.pdf" id="verify-pdf">{{v.pdf}}</a></p>
    {{#canRevoke}}<section class="card"><h2>{{v.revoke}}</h2><form method="post" action="/verify/{{id}}/revoke" id="revoke-form">
    <input type="hidden" name="_csrf" value="{{csrf}}"><p><label>{{v.reason}} <input name="reason" required></label> <button type="submit" class="danger" id="revoke-submit">{{v.revokeButton}}</button></p></form></section>{{/canRevoke}}
    {{/certificate}}
    """
}
