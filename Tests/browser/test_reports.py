"""The reports with charts in a real browser (issue 11, part 5): each report's SVG chart has a
bar or point for every row of its table, in Finnish and English; the CSV download holds
exactly the table's numbers; an org admin asking for another organisation gets the 404 page;
every page checked with axe-core and photographed under .build/screenshots/."""

import csv
import io
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import ORG_ADMIN, PROFESSIONAL, assert_accessible, log_in, screenshot, wait

REPORTER = "riikka.raportoija@pohde.example"
OTHER_ORG = "KUUSAMO-TA"
TEXT_COLUMNS = {"region_code", "org_code", "service_code", "course_code", "course_title", "month"}
REGIONS = {"fi": "oulu", "en": "koillismaa"}
REPORTS = ["tickets", "usage", "deployments", "training"]
TITLES = {
    "fi": {"tickets": "Tukipyynnöt ja SLA", "usage": "Käyttö alueittain", "deployments": "Käyttöönottojen kattavuus",
           "training": "Koulutusten suoritus"},
    "en": {"tickets": "Tickets and SLA", "usage": "Usage by region", "deployments": "Deployment coverage",
           "training": "Training completion"},
}


def open_report(driver, base_url, path):
    driver.get(base_url + path)
    wait(driver).until(EC.presence_of_element_located((By.TAG_NAME, "h1")))


def table_rows(driver):
    """The table's cells, row by row, as the page shows them."""
    return [[cell.get_attribute("textContent") for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in driver.find_elements(By.CSS_SELECTOR, "table.report-table tbody tr")]


def assert_charts_match_the_table(driver, name):
    rows = len(driver.find_elements(By.CSS_SELECTOR, "table.report-table tbody tr"))
    assert rows > 0, f"{name}: the demo data gives every report rows"
    charts = driver.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert charts, f"{name}: no chart"
    for chart in charts:
        assert chart.get_attribute("role") == "img"
        title_id, desc_id = chart.get_attribute("aria-labelledby").split()
        assert chart.find_element(By.ID, title_id).get_attribute("textContent").strip() != ""
        assert chart.find_element(By.ID, desc_id).get_attribute("textContent").strip() != ""
        marks = chart.find_elements(By.CSS_SELECTOR, ".chart-bar, .chart-point")
        assert len(marks) == rows, f"{name}: {len(marks)} marks for {rows} rows"


def download(driver, url):
    """The CSV behind `url`, fetched with the browser's session cookie."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.headers["Content-Type"].startswith("text/csv")
        return list(csv.reader(io.StringIO(answer.read().decode("utf-8"))))


def test_each_report_draws_a_bar_or_point_per_row_in_finnish_and_english(browser, base_url):
    log_in(browser, base_url, REPORTER)
    assert browser.current_url.endswith("/reports"), "a reporter starts from the reports"
    browser.find_element(By.LINK_TEXT, "Raportit").click()
    wait(browser).until(EC.url_contains("/reports"))
    screenshot(browser, "reports")
    assert_accessible(browser, "reports")
    for language in ("fi", "en"):
        browser.get(base_url + f"/language/{language}?back=/reports")
        wait(browser).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == language)
        for report in REPORTS:
            # One demo region per language: the test database also holds the Swift tests'
            # regions, which would make the county-wide pages long.
            open_report(browser, base_url, f"/reports/{report}?region={REGIONS[language]}")
            assert browser.find_element(By.TAG_NAME, "h1").text == TITLES[language][report]
            assert_charts_match_the_table(browser, f"{report} ({language})")
            screenshot(browser, f"report-{report}-{language}")
            assert_accessible(browser, f"report {report} ({language})")
    browser.get(base_url + "/language/fi?back=/reports")


def test_the_ticket_report_per_organisation_of_one_region_matches_its_table(browser, base_url):
    log_in(browser, base_url, REPORTER)
    open_report(browser, base_url, "/reports/tickets?region=oulu&by=organisation&months=6")
    assert_charts_match_the_table(browser, "tickets per organisation")
    assert {row[0] for row in table_rows(browser)} == {"oulu"}
    assert len({row[1] for row in table_rows(browser)}) > 1
    screenshot(browser, "report-tickets-oulu-per-organisation")
    assert_accessible(browser, "tickets per organisation")


def test_the_csv_download_holds_exactly_the_tables_numbers(browser, base_url):
    log_in(browser, base_url, REPORTER)
    for path in [f"/reports/{report}?region=raahe" for report in REPORTS] + ["/reports/tickets?by=organisation&months=3"]:
        open_report(browser, base_url, path)
        link = browser.find_element(By.PARTIAL_LINK_TEXT, "CSV")
        records = download(browser, link.get_attribute("href"))
        headings = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "table.report-table thead th")]
        assert len(records[0]) == len(headings), path
        # The page writes numbers with a decimal comma in Finnish and NULL as a dash; the CSV
        # has the view's own text and NULL as an empty field.
        def as_in_csv(column, shown):
            if shown == "–":
                return ""
            return shown if column in TEXT_COLUMNS else shown.replace(",", ".")
        expected = [[as_in_csv(column, cell) for column, cell in zip(records[0], row)] for row in table_rows(browser)]
        assert records[1:] == expected, path


def test_an_org_admin_sees_their_own_organisation_and_gets_the_404_page_for_another(browser, base_url):
    log_in(browser, base_url, ORG_ADMIN)
    browser.find_element(By.LINK_TEXT, "Raportit").click()
    open_report(browser, base_url, "/reports/training")
    assert {row[1] for row in table_rows(browser)} == {"OULU-TK"}
    assert_charts_match_the_table(browser, "training of OULU-TK")
    screenshot(browser, "report-training-org-admin")
    for report in REPORTS:
        open_report(browser, base_url, f"/reports/{report}?organisation={OTHER_ORG}")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Sivua ei löydy", report
    open_report(browser, base_url, "/reports/tickets?organisation=OULU-TK&months=24")
    assert {row[1] for row in table_rows(browser)} == {"OULU-TK"}


def test_a_refused_filter_is_named_beside_its_field_and_professionals_have_no_reports(browser, base_url):
    log_in(browser, base_url, REPORTER)
    open_report(browser, base_url, "/reports/usage?months=999")
    assert browser.find_element(By.ID, "f-months-error").text == "Valitse 1–60 kuukautta."
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart") == []
    assert_accessible(browser, "report with a refused filter")
    browser.delete_all_cookies()
    log_in(browser, base_url, PROFESSIONAL)
    assert browser.find_elements(By.LINK_TEXT, "Raportit") == []
    open_report(browser, base_url, "/reports/tickets")
    assert browser.find_element(By.TAG_NAME, "h1").text in ("Ei käyttöoikeutta", "Sivua ei löydy")
