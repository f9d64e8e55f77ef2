#!/usr/bin/env python3
"""End-to-end browser test (issue #3 §7): starts `zeropark demo` on a temporary database and drives
headless Chromium through it with Selenium. Saves screenshots under .ci/artifacts/.

Usage: scripts/browser_test.py PATH_TO_ZEROPARK_BINARY
"""
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from zp_testlib import browser_login, check, free_port, wait, wait_for
from zp_sweep import CREATIVE_PAGES, PAGES, PUBLIC, ROLES, SIZING_TEST_COSTS, VIEWER_ONLY, sweep, sweep_results
import zp_evaluation_flow

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTIFACTS = os.path.join(ROOT, ".ci", "artifacts")








def main():
    binary = sys.argv[1]
    os.makedirs(ARTIFACTS, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    workdir = tempfile.mkdtemp(prefix="zeropark-e2e-")
    db = os.path.join(workdir, "demo.sqlite")
    log = open(os.path.join(ARTIFACTS, "demo-server.log"), "w")
    server = subprocess.Popen([binary, "demo", "--db", db, "--port", str(port), "--examples", os.path.join(ROOT, "examples")],
                              stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=zh-CN"]:
        options.add_argument(argument)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    driver = None
    try:
        wait_for(base + "/healthz")
        service = Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else Service()
        driver = webdriver.Chrome(options=options, service=service)
        driver.set_window_size(1366, 768)

        def shot(name):
            driver.save_screenshot(os.path.join(ARTIFACTS, name + ".png"))

        def login(user, password):
            browser_login(driver, base, user, password)

        print("browser test: manager logs in and adds an activity value")
        driver.get(base + "/login")
        shot("01-login")
        login("manager", "zeropark-manager")
        check(driver.current_url.endswith("/parks"), "after login the park list opens")
        shot("02-parks")
        driver.get(base + "/parks/nansha-demo?year=2025")
        before = driver.find_element(By.ID, "kpi-emissions").text
        # Grid power at the residual mix because the park claims green power (docs/accounting-rules.md §1).
        check(before == "40,851.35", f"overview shows the hand-computed emissions (got {before})")
        indicator = driver.find_element(By.ID, "indicator-value").text
        check(indicator == "3.168", f"overview shows the 910号 indicator (got {indicator})")
        check("年综合能耗低于20万吨标准煤" in driver.find_element(By.ID, "indicator-class").text, "the indicator names its energy-scale class")
        check("grid.national_residual" in driver.find_element(By.ID, "basis-residual").text, "the electricity card names the residual factor")
        check(len(driver.find_elements(By.CSS_SELECTOR, "svg.chart")) >= 4, "overview draws its charts")
        shot("03-overview")
        driver.execute_script("document.getElementById('indicator').scrollIntoView()")
        shot("03a-overview-indicator")
        driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        shot("03b-overview-bottom")
        # A year without source data: no neutrality badge, "insufficient data" with the gap named (issue #12).
        driver.get(base + "/parks/nansha-demo?year=2023")
        badge = driver.find_element(By.ID, "balance").text
        check(badge == "数据不足，不作判定" and "已实现碳中和" not in driver.page_source,
              f"a year without source data gets no neutrality verdict (got {badge})")
        check("本期没有任何排放源的活动数据" in driver.find_element(By.ID, "verdict-note").text, "the missing data is named")
        shot("03c-overview-no-data")
        driver.get(base + "/parks/nansha-demo/sources?year=2025")
        shot("04-sources")
        # Activity from a file (issue #12 defect 8): every problem of a bad file listed at once, then a good one imported.
        upload_dir = tempfile.mkdtemp(prefix="zeropark-import-")
        bad_file = os.path.join(upload_dir, "活动数据-有误.csv")
        open(bad_file, "w", encoding="utf-8").write("source,year,month,value\nwater,2022,1,abc\nwater,2022,14,5\nnope,2022,1,1\n")
        driver.find_element(By.ID, "import-file").send_keys(bad_file)
        driver.find_element(By.ID, "csv-submit").click()
        wait(driver, lambda d: d.find_elements(By.ID, "form-error"))
        problems = driver.find_elements(By.CSS_SELECTOR, "#form-error li")
        check(len(problems) == 3 and "第 2 行第 4 列" in problems[0].text and "第 4 行第 1 列" in problems[2].text,
              f"a bad file is refused with all {len(problems)} problems listed, each with its line and column")
        good_file = os.path.join(upload_dir, "活动数据.csv")
        open(good_file, "w", encoding="utf-8-sig").write("source,year,month,value,data_source\nwater,2022,0,880000,水务公司年度账单\nsludge,2022,,,\n")
        driver.find_element(By.ID, "import-file").send_keys(good_file)
        driver.find_element(By.ID, "csv-submit").click()
        wait(driver, lambda d: d.find_elements(By.ID, "import-done"))
        check("已导入 1 行" in driver.find_element(By.ID, "import-done").text and "跳过 1 行" in driver.find_element(By.ID, "import-done").text,
              "a good file (with a BOM and a template row) is imported, the template row skipped")
        template = driver.find_element(By.ID, "template-xlsx").get_attribute("href")
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
        with urllib.request.urlopen(urllib.request.Request(template, headers={"Cookie": cookie}), timeout=30) as response:
            workbook_bytes = response.read()
        import openpyxl
        book_path = os.path.join(upload_dir, "template.xlsx")
        open(book_path, "wb").write(workbook_bytes)
        book = openpyxl.load_workbook(book_path)
        check([c.value for c in book.worksheets[0][1]] == ["source", "year", "month", "value", "data_source", "evidence"] and book.worksheets[0].max_row > 2,
              f"the XLSX template opens with openpyxl: the header and a row per source ({book.worksheets[0].max_row - 1} rows, sheets {book.sheetnames})")
        driver.get(base + "/parks/nansha-demo/sources/sludge?year=2025")
        check("park.sludge_treatment" in driver.page_source, "source detail shows its factor")
        value = driver.find_element(By.ID, "activity-value")
        value.clear()
        value.send_keys("1550")
        Select(driver.find_element(By.ID, "activity-month")).select_by_value("0")
        driver.find_element(By.ID, "activity-source").send_keys("危废转移联单（更正）")
        shot("05-source-form")
        driver.find_element(By.ID, "activity-submit").click()
        wait(driver, lambda d: "1,550.00" in d.find_element(By.ID, "activity-rows").text)
        check("1,550.00" in driver.find_element(By.ID, "activity-rows").text, "the new value is listed with the activity data")
        shot("06-source-after")
        driver.get(base + "/parks/nansha-demo?year=2025")
        after = driver.find_element(By.ID, "kpi-emissions").text
        # 100 t more sludge at 0.35 tCO2/t = +35 tCO2
        check(after == "40,886.35", f"the total changed by 35 tCO2 (got {after})")
        driver.get(base + "/parks/nansha-demo/sinks-offsets?year=2025")
        shot("07-sinks-offsets")
        driver.get(base + "/parks/nansha-demo/inventories?year=2025")
        driver.find_element(By.ID, "snapshot-submit").click()
        wait(driver, lambda d: "snapshot-submit" in d.page_source and "/download?format=json" in d.page_source)
        check("#" in driver.page_source and "2025" in driver.page_source, "an inventory snapshot is listed")
        report_link = "a[id^=report-]:not([id^=report-pdf]):not([id^=report-xlsx])"
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, report_link))
        first_snapshot = driver.find_element(By.CSS_SELECTOR, report_link).get_attribute("id").split("-", 1)[1]
        shot("08-inventories")
        driver.get(base + "/parks/nansha-demo?year=2025&lang=en")
        check("Emissions" in driver.page_source, "the English switch works")
        shot("09-overview-en")
        driver.set_window_size(390, 844)
        driver.get(base + "/parks/nansha-demo?year=2025&lang=zh")
        shot("10-overview-phone")
        driver.set_window_size(1366, 768)
        driver.get(base + "/public/nansha-demo")
        shot("11-disclosure")
        driver.delete_all_cookies()

        print("browser test: the live dashboard updates itself after readings arrive (SSE)")
        login("manager", "zeropark-manager")
        driver.get(base + "/parks/nansha-demo/live")
        wait(driver, lambda d: d.find_element(By.ID, "live-updated"))
        check(len(driver.find_elements(By.CSS_SELECTOR, "svg")) >= 2, "the energy-flow and trend charts are drawn")
        before = driver.find_element(By.ID, "live-updated").text
        key = None
        with open(os.path.join(ARTIFACTS, "demo-server.log")) as server_log:
            for line in server_log:
                if "API key for admin" in line:
                    key = line.split(":", 1)[1].strip()
        check(key is not None, "the demo printed the admin's API key")
        now = int(time.time())
        slot = now - now % 900
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S+08:00", time.gmtime(slot + 8 * 3600))
        body = ('{"readings":[{"meter":"ev-chargers","ts":"%s","value":777}]}' % stamp).encode()
        request = urllib.request.Request(base + "/api/v1/parks/nansha-demo/readings", data=body, method="POST",
                                         headers={"Content-Type": "application/json", "Authorization": f"Bearer {key}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            check(response.status == 200, "a reading is accepted over the API")
        WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "live-updated").text != before)
        check(True, f"the page updated in place without reloading ({before!r} → {driver.find_element(By.ID, 'live-updated').text!r})")
        # Today's carbon needs cleaned readings of today (China time). In the first hour after midnight
        # the day may have none yet (a CI run at 00:02 CST met exactly that); then the card must say so.
        check(len(driver.find_elements(By.ID, "live-carbon")) == 1, "the live page has a card for today's carbon by system")
        china = time.gmtime(time.time() + 8 * 3600)
        if china.tm_hour >= 1:
            check(len(driver.find_elements(By.CSS_SELECTOR, "#live-carbon-rows tr")) >= 1, "today's carbon by system is shown")
        else:
            check(len(driver.find_elements(By.CSS_SELECTOR, "#live-carbon-rows tr")) >= 1 or driver.find_elements(By.ID, "live-carbon-empty"),
                  f"within the first hour of the China day ({china.tm_hour:02d}:{china.tm_min:02d}) today's carbon is shown or its absence explained")
        shot("13-live")
        driver.get(base + "/parks/nansha-demo/meters/grid-main")
        check(driver.find_element(By.ID, "raw-readings") is not None, "a meter page lists its raw readings beside the cleaned chart")
        shot("14-meter")

        print("browser test: an open alert is acknowledged")
        driver.get(base + "/parks/nansha-demo/alerts")
        rows = driver.find_elements(By.CSS_SELECTOR, "#alerts-open tbody tr")
        check(len(rows) >= 1, f"the water meter's night-baseline leak is an open alert ({len(rows)} open)")
        alert_id = rows[0].get_attribute("id").split("-", 1)[1]
        driver.find_element(By.ID, f"acknowledge-{alert_id}").click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f"#alerts-acknowledged #alert-{alert_id}"))
        check(True, "the alert moved to the acknowledged list")
        shot("15-alerts")

        print("browser test: a neutrality pathway from the example measures file (issue #10)")
        driver.get(base + "/parks/nansha-demo/plan?year=2025")
        check("acts_on: [grid-electricity]" in driver.find_element(By.ID, "plan-yaml").get_attribute("value"),
              "the plan page starts from a template naming the park's own electricity source")
        with open(os.path.join(ROOT, "examples", "plan-example.yaml"), encoding="utf-8") as handle:
            plan = handle.read()
        area = driver.find_element(By.ID, "plan-yaml")
        driver.execute_script("arguments[0].value = arguments[1]", area, plan)
        driver.find_element(By.ID, "plan-run").click()
        wait(driver, lambda d: d.find_elements(By.ID, "plan-result"))
        check(driver.find_element(By.ID, "measure-rooftop-pv") is not None, "the pathway lists the measures by abatement cost")
        check(driver.find_element(By.ID, "plan-balance").text == "2030", "the park balances in 2030 with local credits first")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#plan-result svg.chart")) == 2, "the MAC curve and the pathway are drawn")
        check(driver.find_elements(By.ID, "assess-grid-electricity") and "低" in driver.find_element(By.ID, "assess-grid-electricity").text,
              "each source's share and reduction difficulty are shown with why (1.1.3(c))")
        check(driver.find_elements(By.ID, "improvement-2025") and driver.find_elements(By.CSS_SELECTOR, "#improvement tr.planned"),
              "output per area and emissions per output are tracked year by year beside the pathway (1.1.14)")
        driver.execute_script("document.getElementById('plan-result').scrollIntoView()")
        shot("16-plan")

        print("browser test: the demo's trial year is tracked against plan version 1 (issue #10 item 6)")
        driver.find_element(By.ID, "nav-trial").click()
        wait(driver, lambda d: d.find_elements(By.ID, "trial-summary"))
        check(driver.find_element(By.ID, "trial-period").text == "2026-01-01 – 2026-12-31", "the trial period is the demo's 2026")
        check(driver.find_element(By.ID, "trial-plan").text == "1", "the trial is held to plan version 1")
        check("已比较" in driver.find_element(By.ID, "month-2026-01").text, "January 2026 is compared with the plan")
        findings = driver.find_elements(By.CSS_SELECTOR, "#trial-findings li")
        check(len(findings) >= 1 and all("主要原因" in item.text for item in findings),
              "deviations beyond the 3 % threshold are findings with the sources that caused them")
        check(len(driver.find_elements(By.CSS_SELECTOR, "svg.chart")) == 1, "actual and planned net are charted")
        shot("17-trial")
        driver.execute_script("document.getElementById('trial-months').scrollIntoView()")
        shot("17a-trial-months")
        driver.find_element(By.ID, "trial-replan-link").click()
        wait(driver, lambda d: d.find_elements(By.ID, "plan-actuals"))
        check("最近 12 个月" in driver.find_element(By.ID, "plan-actuals").text, "re-planning opens the plan on the last twelve months of actuals")
        shot("17b-replan-from-actuals")
        driver.get(base + "/parks/nansha-demo?year=2025")
        banner = driver.find_element(By.ID, "trial-banner").text
        check("试运行年跟踪" in banner and "已比较" in banner, "the dashboard carries the trial's findings")
        driver.execute_script("document.getElementById('trial-banner').scrollIntoView()")
        shot("17c-overview-trial-banner")

        def fill(name, value):
            field = driver.find_element(By.NAME, name)
            field.clear()
            field.send_keys(value)

        print("browser test: the dispatch page sizes new PV and a battery (the costs are test inputs)")
        driver.get(base + "/parks/nansha-demo/dispatch")
        check(driver.find_element(By.NAME, "sizing_pv_capex_cny_per_kwp").get_attribute("value") == ""
              and driver.find_element(By.NAME, "sizing_discount_rate").get_attribute("value") == "",
              "the page prefills no cost or discount rate (they come from the park's quotes)")
        Select(driver.find_element(By.ID, "dispatch-study")).select_by_value("sizing")
        fill("days", "7")
        # Test inputs, not reference data: illustrative quotes a park would supply.
        for name, value in SIZING_TEST_COSTS.items():
            fill(name, value)
        driver.find_element(By.ID, "dispatch-run").click()
        wait(driver, lambda d: d.find_elements(By.ID, "sizing-result") or d.find_elements(By.ID, "form-error"))
        check(driver.find_elements(By.ID, "sizing-result"), "the sizing study shows its result")
        check("category:" in driver.find_element(By.ID, "sizing-plan-yaml").text, "the sized assets are written as plan measures")
        check(driver.find_elements(By.CSS_SELECTOR, "#sizing-chart svg"), "the schedule with the sized assets is drawn")
        driver.execute_script("document.getElementById('sizing-result').scrollIntoView()")
        shot("18-dispatch-sizing")

        print("browser test: the dispatch page runs two days of rolling operation")
        driver.get(base + "/parks/nansha-demo/dispatch")
        Select(driver.find_element(By.ID, "dispatch-study")).select_by_value("rolling")
        fill("days", "2")
        fill("capacity", "2000")
        fill("power", "1000")
        fill("rolling_history_days", "14")
        Select(driver.find_element(By.NAME, "rolling_pv_forecast")).select_by_value("seasonal_naive")
        driver.find_element(By.ID, "dispatch-run").click()
        wait(driver, lambda d: d.find_elements(By.ID, "rolling-result") or d.find_elements(By.ID, "form-error"))
        check(driver.find_elements(By.ID, "rolling-result"), "the rolling study shows its result")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#rolling-costs tbody tr")) == 3,
              "the realised cost is set against perfect foresight and the no-battery baseline")
        check(driver.find_elements(By.CSS_SELECTOR, "#rolling-scores tbody tr"), "the forecasts are scored against seasonal-naive")
        check(driver.find_elements(By.CSS_SELECTOR, "#rolling-chart svg"), "the realised schedule is drawn")
        driver.execute_script("document.getElementById('rolling-result').scrollIntoView()")
        shot("19-dispatch-rolling")

        print("browser test: the tariff page prices the main meter's month with the park's tariff")
        driver.get(base + "/parks/nansha-demo/tariff")
        check("cn-gd-tou-2021-331" in driver.find_element(By.ID, "tariff-current").text, "the demo park's tariff is shown")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#cost-periods tbody tr")) >= 3, "the bill is split by time-of-use period")
        check(driver.find_elements(By.CSS_SELECTOR, "#cost-months tbody tr"), "the month's maximum demand is shown")
        check("%" in driver.find_element(By.ID, "cost-completeness").text, "the bill states its data completeness")
        fill("demand_charge", "40")
        driver.find_element(By.ID, "tariff-save").click()
        wait(driver, lambda d: d.find_elements(By.ID, "tariff-saved") or d.find_elements(By.ID, "tariff-error"))
        check(driver.find_elements(By.ID, "tariff-saved"), "a manager saves the park's tariff")
        shot("20-tariff-energy-cost")

        print("browser test: the plan page records the park's own PV figures; the sizing form starts from them")
        driver.get(base + "/parks/nansha-demo/plan")
        driver.execute_script("document.getElementById('plan-catalogue').open = true")
        Select(driver.find_element(By.CSS_SELECTOR, "#catalogue-form select[name=category]")).select_by_value("rooftop_pv")
        Select(driver.find_element(By.CSS_SELECTOR, "#catalogue-form select[name=unit]")).select_by_value("kWp")
        fill("capex_cny_per_unit", "3500")   # a test input, not reference data
        fill("lifetime_years", "25")
        driver.find_element(By.CSS_SELECTOR, "#catalogue-form input[name=source]").send_keys("浏览器测试输入（非参考数据）")
        driver.find_element(By.ID, "catalogue-save").click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#catalogue-rooftop_pv .park-figures"))
        driver.execute_script("document.getElementById('plan-catalogue').open = true")
        check("3,500" in driver.find_element(By.CSS_SELECTOR, "#catalogue-rooftop_pv .park-figures").text,
              "the park's PV cost is shown beside the built-in entry")
        driver.get(base + "/parks/nansha-demo/dispatch")
        check(driver.find_element(By.NAME, "sizing_pv_capex_cny_per_kwp").get_attribute("value") == "3500",
              "the sizing form starts from the park's own PV cost")
        check("浏览器测试输入" in driver.find_element(By.ID, "sizing-catalogue").text, "and names its source")
        driver.delete_all_cookies()

        print("browser test: a tenant cannot open another tenant's source")
        login("logistics", "zeropark-tenant")
        driver.get(base + "/parks/nansha-demo/sources/fleet-diesel?year=2025")
        check(driver.find_element(By.ID, "source-tco2").text != "", "the tenant opens its own source")
        driver.get(base + "/parks/nansha-demo/sources/water?year=2025")
        title = driver.find_element(By.ID, "message-title").text
        # Another enterprise's source is "not found", exactly like a missing one (issue #6: existence does not leak).
        check(title == "未找到", f"another tenant's source is refused as not found (got {title!r})")
        check("920,000" not in driver.page_source, "none of its data is shown")
        shot("12-tenant-not-found")

        evaluation_path, verify_path, draft_path = zp_evaluation_flow.run(driver, base, binary, login, driver.delete_all_cookies, wait, check, shot)
        creative_report, demo_snapshot = zp_evaluation_flow.run_report(driver, base, login, driver.delete_all_cookies, wait, check, shot)

        print("browser test: every page, per role, in Chinese and English, at 1400 px and 390 px (issue #12)")
        # The report and restatement pages of stored snapshots, and the certificate's printable page, join the sweep.
        # … and the comparison of two snapshots (the 2025 one saved above and the 2026 one of the report flow).
        compare = f"/parks/nansha-demo/inventories?year=2025&a={first_snapshot}&b={demo_snapshot.rsplit('/', 1)[1]}"
        login("manager", "zeropark-manager")
        driver.get(base + compare)
        check(driver.find_elements(By.ID, "comparison"), "two snapshots compare side by side")
        driver.delete_all_cookies()
        pages = PAGES + [evaluation_path, draft_path, demo_snapshot + "/report", demo_snapshot + "/restatement", compare]
        creative_pages = CREATIVE_PAGES + [creative_report]
        public = PUBLIC + [verify_path, verify_path + "/print", "/public/xihu-creative"]
        failures = sweep(driver, base, login, driver.delete_all_cookies, pages=pages, public=public, creative_pages=creative_pages)
        visited = sum(len(creative_pages) if user in VIEWER_ONLY else len(pages) + (0 if user in ("logistics", "property") else len(creative_pages))
                      for user, _ in ROLES) + len(public)
        for failure in failures:
            print("  FAIL " + failure)
        check(not failures, "no page scrolls sideways and no Chinese page shows an untranslated English message "
              f"({visited} page visits × 2 languages × 2 widths, {len(ROLES)} roles and the public; screenshots in .ci/artifacts/sweep/)")
        print("browser test: the pages the forms answer with — dispatch, sizing, rolling and the plan's pathway — in both languages at both widths")
        failures = sweep_results(driver, base, login, driver.delete_all_cookies, wait, plan)
        for failure in failures:
            print("  FAIL " + failure)
        check(not failures, "no result page scrolls sideways or shows an untranslated English message (4 studies × 2 languages × 2 widths)")
        driver.quit()
        driver = None
        print("graceful shutdown: SIGTERM stops the server with exit status 0")
        server.terminate()
        check(server.wait(timeout=10) == 0, "the server exits cleanly on SIGTERM")
        print("browser test passed; screenshots in .ci/artifacts/")
    finally:
        if driver is not None:
            driver.quit()
        if server.poll() is None:
            server.kill()
            server.wait()
        log.close()


if __name__ == "__main__":
    main()
