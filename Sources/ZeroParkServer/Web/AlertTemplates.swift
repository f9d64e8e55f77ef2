import Mustache

/// The alerts page's template (issue #8 §8): open, acknowledged and resolved alerts with their
/// history and acknowledge/resolve forms, the rules with add and delete forms, and the park's
/// webhook. Strings come from `AlertText` as `{{a.key}}`; values are escaped by mustache.
enum AlertTemplates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        try library.register(alerts, named: "alerts")
        return library
    }

    static let alerts = """
    <h1>{{a.title}} · {{name}}</h1>
    <p class="note">{{a.intro}}</p>
    {{#tenantScope}}<p class="note" id="alerts-scope">{{a.tenantScope}}</p>{{/tenantScope}}
    {{#formError}}<p class="error" id="form-error">{{formError}}</p>{{/formError}}
    <p class="exports">{{t.exportAll}}：<a href="/parks/{{parkKey}}/alerts.csv" id="export-alerts">CSV</a> · <a href="/parks/{{parkKey}}/alerts.xlsx" id="export-alerts-xlsx">XLSX</a></p>
    {{#groups}}
    <section class="card" id="alerts-{{state}}"><h2>{{title}}（{{count}}）</h2>
    {{#hasAlerts}}<table><thead><tr><th>#</th><th>{{a.meter}}</th><th>{{a.rule}}</th><th>{{a.observed}}</th><th>{{a.openedAt}}</th><th>{{a.handled}}</th>{{#actionable}}<th></th>{{/actionable}}</tr></thead>
    <tbody>{{#alerts}}<tr id="alert-{{id}}"><td>{{id}}</td><td>{{meterName}}<br><code>{{meter}}</code></td><td>{{rule}}</td><td>{{observed}}</td><td>{{openedAt}}</td>
      <td><ul class="warnings">{{#events}}<li>{{at}} {{actor}} {{action}}{{#status}} HTTP {{status}}{{/status}}{{#note}}：{{note}}{{/note}}</li>{{/events}}</ul></td>
      {{#actionable}}<td>{{#canAct}}<form method="post" action="/parks/{{parkKey}}/alerts/{{id}}/resolve" class="row" id="act-{{id}}"><input type="hidden" name="_csrf" value="{{csrf}}">
        <input name="note" placeholder="{{a.note}}" maxlength="1000">{{#canAcknowledge}}<button type="submit" id="acknowledge-{{id}}" formaction="/parks/{{parkKey}}/alerts/{{id}}/acknowledge">{{a.acknowledge}}</button>{{/canAcknowledge}}
        <button type="submit" id="resolve-{{id}}" formaction="/parks/{{parkKey}}/alerts/{{id}}/resolve">{{a.resolve}}</button></form>{{/canAct}}</td>{{/actionable}}</tr>{{/alerts}}</tbody></table>{{/hasAlerts}}
    {{^hasAlerts}}<p class="note">{{a.noAlerts}}</p>{{/hasAlerts}}
    </section>
    {{/groups}}
    <section class="card" id="alert-rules"><h2>{{a.rules}}</h2>
    {{#hasRules}}<table><thead><tr><th>{{a.ruleKey}}</th><th>{{a.meter}}</th><th>{{a.kind}}</th><th>{{a.rule}}</th><th>{{a.createdBy}}</th>{{#canEdit}}<th></th>{{/canEdit}}</tr></thead>
    <tbody>{{#rules}}<tr id="rule-{{key}}"><td><code>{{key}}</code>{{^enabled}} <span class="badge warn">{{a.disabled}}</span>{{/enabled}}</td><td>{{meterName}}<br><code>{{meter}}</code></td><td>{{kind}}</td><td>{{description}}</td><td>{{createdBy}}</td>
      {{#canEdit}}<td><form method="post" action="/parks/{{parkKey}}/alert-rules/{{key}}/delete" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link-dark">{{a.delete}}</button></form></td>{{/canEdit}}</tr>{{/rules}}</tbody></table>{{/hasRules}}
    {{^hasRules}}<p class="note">{{a.noRules}}</p>{{/hasRules}}
    {{#canEdit}}<h2>{{a.addRule}}</h2>
    <form method="post" action="/parks/{{parkKey}}/alert-rules" class="row" id="rule-form"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>{{a.ruleKey}} <input name="key" required pattern="[A-Za-z0-9._-]{1,64}" value="{{form.key}}"></label>
      <label>{{a.meter}} <select name="meter" required>{{#meters}}<option value="{{key}}" {{#selected}}selected{{/selected}}>{{name}}（{{key}}，{{unit}}）</option>{{/meters}}</select></label>
      <label>{{a.kind}} <select name="kind">{{#kinds}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{label}}</option>{{/kinds}}</select></label>
      <label>{{a.threshold}} <input name="threshold" inputmode="decimal" value="{{form.threshold}}"></label>
      <label>{{a.slots}} <input name="slots" inputmode="numeric" value="{{form.slots}}"></label>
      <label>{{a.fromHour}} <input name="from_hour" inputmode="numeric" value="{{form.from_hour}}"></label>
      <label>{{a.toHour}} <input name="to_hour" inputmode="numeric" value="{{form.to_hour}}"></label>
      <label>{{a.hours}} <input name="hours" inputmode="numeric" value="{{form.hours}}"></label>
      <label class="check"><input type="checkbox" name="enabled" value="true" checked> {{a.enabled}}</label>
      <button type="submit" id="rule-save">{{a.save}}</button></form>{{/canEdit}}
    </section>
    {{#isAdmin}}<section class="card" id="alert-webhook"><h2>{{a.webhook}}</h2>
    <form method="post" action="/parks/{{parkKey}}/alert-webhook" class="stack"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>{{a.webhookURL}} <input name="url" class="wide" maxlength="512" value="{{webhook}}" placeholder="https://"></label>
      <button type="submit" id="webhook-save">{{a.save}}</button></form>
    <p class="note">{{a.webhookHelp}}</p></section>{{/isAdmin}}
    """
}
