"""The page sweep of issue #12: every page of the dashboard, for each role, in Chinese and English, at
1400 px and 390 px. A page fails when it scrolls horizontally (something is wider than the window) or,
in Chinese, when it shows an untranslated English message: a visible text with four or more English
words in a row and no Chinese character, outside code, pre, inputs and the language switch. Screenshots
of each page go to .ci/artifacts/sweep/.

Used by scripts/browser_test.py on its demo server; also runnable alone:
    python3 scripts/zp_sweep.py http://127.0.0.1:PORT
"""
import os
import sys

from selenium.webdriver.common.by import By

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = os.path.join(ROOT, ".ci", "artifacts", "sweep")

PARK = "nansha-demo"
PAGES = [
    "/parks", f"/parks/{PARK}?year=2025", f"/parks/{PARK}/sources?year=2025", f"/parks/{PARK}/sources/grid-electricity?year=2025",
    f"/parks/{PARK}/sources/new?year=2025", f"/parks/{PARK}/live", f"/parks/{PARK}/meters", f"/parks/{PARK}/meters/grid-main",
    f"/parks/{PARK}/sinks-offsets?year=2025", f"/parks/{PARK}/inventories?year=2025", f"/parks/{PARK}/alerts?year=2025",
    f"/parks/{PARK}/dead-letters", f"/parks/{PARK}/dispatch", f"/parks/{PARK}/plan", f"/parks/{PARK}/trial", f"/parks/{PARK}/tariff",
    f"/parks/{PARK}/settings?year=2025", "/account",
    # Edit pages (issue #12: the sweep covers the forms that change records, and the year-all activity list).
    f"/parks/{PARK}/sources/water/edit?year=2025", f"/parks/{PARK}/sinks/green-belt/edit?year=2025",
    f"/parks/{PARK}/offsets/phcer-2025/edit?year=2025", f"/parks/{PARK}/meters/grid-main/edit",
    f"/parks/{PARK}/sources/fleet-diesel?year=2025&all=1&edit_month=0",
    # The printable live figures (issue #12 defect 9).
    f"/parks/{PARK}/export?year=2025",
]
# The creative park, where the viewer is a member (and so are the manager and the auditor; the tenants are not).
CREATIVE = "xihu-creative"
CREATIVE_PAGES = [
    f"/parks/{CREATIVE}?year=2025", f"/parks/{CREATIVE}/sources?year=2025", f"/parks/{CREATIVE}/sinks-offsets?year=2025",
    f"/parks/{CREATIVE}/inventories?year=2025", f"/parks/{CREATIVE}/live", f"/parks/{CREATIVE}/meters", f"/parks/{CREATIVE}/alerts",
    f"/parks/{CREATIVE}/plan", f"/parks/{CREATIVE}/trial", f"/parks/{CREATIVE}/settings?year=2025", f"/parks/{CREATIVE}/evaluations",
    f"/parks/{CREATIVE}/export?year=2025", "/parks", "/account",
]
PUBLIC = [f"/public/{PARK}", "/login"]
# Every role of the demo, each with the pages of its parks: the viewer is a member of the creative park only.
ROLES = [("manager", "zeropark-manager"), ("admin", "zeropark-admin"), ("logistics", "zeropark-tenant"), ("property", "zeropark-tenant"),
         ("auditor", "zeropark-auditor"), ("viewer", "zeropark-viewer")]
VIEWER_ONLY = {"viewer"}
WIDTHS = [1400, 390]

# The visible text nodes with ≥ 4 English words in a row and no CJK, outside code/pre/inputs/the language link.
UNTRANSLATED_JS = r"""
const out = [];
const skip = new Set(['SCRIPT', 'STYLE', 'CODE', 'PRE', 'TEXTAREA', 'OPTION', 'KBD', 'SAMP']);
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode, text = node.textContent.trim();
  if (!text || /[\u3400-\u9fff]/.test(text) || !/[A-Za-z]+(?:[ ,'-]+[A-Za-z]+){3,}/.test(text)) continue;
  let el = node.parentElement, hidden = false, skipped = false;
  for (let e = el; e; e = e.parentElement) {
    if (skip.has(e.tagName) || e.classList.contains('lang-switch') || e.getAttribute('lang') === 'en' || e.hasAttribute('data-en')) { skipped = true; break; }
  }
  if (skipped) continue;
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden' || el.closest('details:not([open])') && !el.closest('summary')) hidden = true;
  if (!hidden) out.push(text.slice(0, 120));
}
return out;
"""

# Elements whose right edge passes the window: the cause of a horizontal scroll.
OVERFLOW_JS = r"""
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth <= width + 1) return [];
const out = [];
for (const e of document.querySelectorAll('body *')) {
  const r = e.getBoundingClientRect();
  if (r.right > width + 1 && r.width > 0 && !e.closest('.scroll')) {
    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '') + ' right=' + Math.round(r.right));
    if (out.length >= 5) break;
  }
}
if (!out.length) {
  for (const e of document.querySelectorAll('body *')) {
    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.clientWidth > 0) {
      out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' content ' + e.scrollWidth + ' > ' + e.clientWidth);
      if (out.length >= 5) break;
    }
  }
}
return out.length ? out : ['document ' + document.documentElement.scrollWidth + ' > ' + width];
"""


def check_page(driver, name, lang, failures, save):
    """Checks the page in the window as it is: no horizontal scroll, and (in Chinese) no untranslated text."""
    overflow = driver.execute_script(OVERFLOW_JS)
    if overflow:
        failures.append(f"{name}: scrolls horizontally: {'; '.join(overflow)}")
    if lang == "zh":
        for text in driver.execute_script(UNTRANSLATED_JS):
            failures.append(f"{name}: untranslated: {text!r}")
    if save or overflow:
        driver.save_screenshot(os.path.join(SHOTS, name[:150] + ".png"))


def page_name(user, lang, width, path):
    return f"{user or 'public'}-{lang}-{width}-" + path.strip("/").replace("/", "_").replace("?", "_").replace("=", "-").replace(":", "-").replace("&", "_")


def sweep(driver, base, login, logout, pages=PAGES, public=PUBLIC, creative_pages=CREATIVE_PAGES):
    """Runs every page for every role, language and width; returns the list of failures. The roles of both
    parks visit the pages of both; the viewer, a member of the creative park only, visits its pages."""
    os.makedirs(SHOTS, exist_ok=True)
    failures = []
    visits = [(None, None, public)] + [
        (user, password, creative_pages if user in VIEWER_ONLY else pages + ([] if user in ("logistics", "property") else creative_pages))
        for user, password in ROLES]
    for user, password, pages in visits:
        logout()
        if user:
            login(user, password)
        for lang in ["zh", "en"]:
            for path in pages:
                for width in WIDTHS:
                    driver.set_window_size(width, 900)
                    driver.get(base + path + ("&" if "?" in path else "?") + "lang=" + lang)
                    check_page(driver, page_name(user, lang, width, path), lang, failures, user in (None, "manager", "viewer"))
    driver.set_window_size(1366, 768)
    return failures


# Test inputs, not reference data: the illustrative quotes a park would supply for a sizing study.
SIZING_TEST_COSTS = {
    "sizing_discount_rate": "0.06", "sizing_pv_max_kwp": "5000", "sizing_pv_capex_cny_per_kwp": "3500",
    "sizing_pv_om_cny_per_kwp_year": "40", "sizing_pv_lifetime_years": "25", "sizing_pv_reference_kwp": "4000",
    "sizing_battery_max_kwh": "4000", "sizing_battery_max_kw": "2000", "sizing_battery_capex_cny_per_kwh": "1000",
    "sizing_battery_om_cny_per_kwh_year": "10", "sizing_battery_capex_cny_per_kw": "300",
    "sizing_battery_om_cny_per_kw_year": "5", "sizing_battery_lifetime_years": "12",
}


def sweep_results(driver, base, login, logout, wait, plan_yaml):
    """The pages a form answers with (issue #12: the sweep covers result pages too): the dispatch page's
    three studies and the plan's pathway, run as the park manager in Chinese and in English, each result
    checked at 1400 px and, the same page narrowed, at 390 px. Returns the failures."""
    from selenium.webdriver.support.ui import Select
    os.makedirs(SHOTS, exist_ok=True)
    failures = []
    logout()
    login("manager", "zeropark-manager")

    def fill(name, value):
        field = driver.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)

    def dispatch(study):
        driver.get(base + f"/parks/{PARK}/dispatch")
        Select(driver.find_element(By.ID, "dispatch-study")).select_by_value(study)
        fill("days", "2")
        if study == "sizing":
            for name, value in SIZING_TEST_COSTS.items():
                fill(name, value)
        if study == "rolling":
            fill("capacity", "2000")
            fill("power", "1000")
            fill("rolling_history_days", "14")
            Select(driver.find_element(By.NAME, "rolling_pv_forecast")).select_by_value("seasonal_naive")
        driver.find_element(By.ID, "dispatch-run").click()
        return {"dispatch": "dispatch-result", "sizing": "sizing-result", "rolling": "rolling-result"}[study]

    def plan():
        driver.get(base + f"/parks/{PARK}/plan")
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "plan-yaml"), plan_yaml)
        driver.find_element(By.ID, "plan-run").click()
        return "plan-result"

    runs = [("dispatch-result", lambda: dispatch("dispatch")), ("sizing-result", lambda: dispatch("sizing")),
            ("rolling-result", lambda: dispatch("rolling")), ("plan-result", plan)]
    try:
        for lang in ["zh", "en"]:
            driver.set_window_size(WIDTHS[0], 900)
            driver.get(base + f"/parks/{PARK}?lang={lang}")  # the language is kept in a cookie for the forms' answers
            for name, run in runs:
                driver.set_window_size(WIDTHS[0], 900)
                element = run()
                wait(driver, lambda d: d.find_elements(By.ID, element) or d.find_elements(By.ID, "form-error"))
                if not driver.find_elements(By.ID, element):
                    failures.append(f"manager-{lang}-{name}: the form was refused: {driver.find_element(By.ID, 'form-error').text[:200]}")
                    continue
                for width in WIDTHS:
                    driver.set_window_size(width, 900)
                    driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()", element)  # the screenshot shows the result
                    check_page(driver, f"manager-{lang}-{width}-result-{name}", lang, failures, True)
    finally:
        driver.get(base + f"/parks/{PARK}?lang=zh")
        driver.set_window_size(1366, 768)
    return failures


if __name__ == "__main__":
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    base = sys.argv[1]
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN"]:
        options.add_argument(argument)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    service = Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else Service()
    driver = webdriver.Chrome(options=options, service=service)

    def login(user, password):
        driver.get(base + "/login")
        driver.find_element(By.ID, "username").send_keys(user)
        driver.find_element(By.ID, "password").send_keys(password)
        driver.find_element(By.ID, "login-submit").click()

    def logout():
        driver.delete_all_cookies()

    try:
        found = sweep(driver, base, login, logout)
    finally:
        driver.quit()
    for f in found:
        print("FAIL", f)
    print(f"{len(found)} failures")
    sys.exit(1 if found else 0)
