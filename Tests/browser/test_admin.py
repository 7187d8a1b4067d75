"""The admins' pages in a real browser (issue 11): members and roles, training, deployments
and the usage import, in Finnish and English, each page checked with axe-core and
photographed under .build/screenshots/."""

import re
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import ORG_ADMIN, PROFESSIONAL, assert_accessible, log_in, screenshot, wait

COUNTY_ADMIN = "tuula.tuotevastaava@pohde.example"
OTHER_ORG = "KUUSAMO-TA"


def h1(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def notice(driver):
    return wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".alert[role=status]"))).text


def open_page(driver, base_url, path, name):
    driver.get(base_url + path)
    wait(driver).until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
    screenshot(driver, name)
    assert_accessible(driver, name)


def member_row(driver, email):
    return driver.find_element(By.XPATH, f"//table[contains(@class,'members')]//tr[.//span[normalize-space()='{email}']]")


def test_an_org_admin_grants_a_role_with_a_reason_and_sees_it_listed(browser, base_url):
    log_in(browser, base_url, ORG_ADMIN)
    browser.find_element(By.LINK_TEXT, "Organisaatiot").click()
    wait(browser).until(EC.url_contains("/orgs/OULU-TK/members"))
    assert h1(browser) != "" and "Jäsenet ja roolit" in browser.find_element(By.CSS_SELECTOR, ".tabs").text
    reason = f"Sijaistaa Omaolovastaavaa lomien ajan {uuid.uuid4().hex[:6]}"
    Select(browser.find_element(By.ID, "g-person")).select_by_value("professional2.oulu-tk@pohde.example")
    Select(browser.find_element(By.ID, "g-role")).select_by_value("omaolo_contact")
    browser.find_element(By.ID, "g-reason").send_keys(reason)
    browser.find_element(By.CSS_SELECTOR, "form.grant-form button[type=submit]").click()
    assert notice(browser) == "Rooli myönnetty."
    row = member_row(browser, "professional2.oulu-tk@pohde.example")
    assert "Omaolovastaava" in row.text and reason in row.text
    screenshot(browser, "members")
    assert_accessible(browser, "members")


def test_a_refused_grant_keeps_what_was_typed_and_says_why_beside_the_field(browser, base_url):
    log_in(browser, base_url, ORG_ADMIN)
    browser.get(base_url + "/orgs/OULU-TK/members")
    Select(browser.find_element(By.ID, "g-person")).select_by_value("professional.oulu-tk@pohde.example")
    browser.find_element(By.ID, "g-reason").send_keys("  ")
    browser.find_element(By.CSS_SELECTOR, "form.grant-form button[type=submit]").click()
    error = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".grant-form .field-error")))
    assert error.text
    assert Select(browser.find_element(By.ID, "g-person")).first_selected_option.get_attribute("value") == "professional.oulu-tk@pohde.example"


def test_revoking_the_last_org_admin_is_refused_in_words(browser, base_url):
    log_in(browser, base_url, COUNTY_ADMIN)
    browser.get(base_url + f"/orgs/{OTHER_ORG}/members")
    row = member_row(browser, f"org-admin.{OTHER_ORG.lower()}@pohde.example")
    grant = row.find_element(By.XPATH, ".//li[contains(@class,'grant')][.//span[normalize-space()='pääkäyttäjä']]")
    grant.find_element(By.CSS_SELECTOR, "input[name=reason]").send_keys("Siirtyy toisiin tehtäviin")
    grant.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    error = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".grant .field-error")))
    assert "viimeistä pääkäyttäjää ei voi poistaa" in error.text
    row = member_row(browser, f"org-admin.{OTHER_ORG.lower()}@pohde.example")
    assert "pääkäyttäjä" in row.text
    screenshot(browser, "members-last-admin-refused")
    assert_accessible(browser, "members, last admin refused")


def test_the_person_page_lists_roles_and_training(browser, base_url):
    log_in(browser, base_url, ORG_ADMIN)
    browser.get(base_url + "/orgs/OULU-TK/members")
    # the table's own link: the header's link with the signed-in person's name leads to their settings
    browser.find_element(By.CSS_SELECTOR, "table.members tbody tr td a").click()
    wait(browser).until(EC.url_contains("/people/"))
    assert "OULU-TK" in browser.find_element(By.ID, "roles-title").find_element(By.XPATH, "..").text
    screenshot(browser, "person")
    assert_accessible(browser, "person")


def progress_total(driver, course, role):
    for row in driver.find_elements(By.CSS_SELECTOR, "table.progress tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        if cells[0].text == course and cells[1].text == role:
            return int(cells[3].text)
    return 0


def test_bulk_assigning_a_course_moves_the_progress(browser, base_url):
    log_in(browser, base_url, ORG_ADMIN)
    browser.get(base_url + "/orgs/OULU-TK/training")
    courses = [(o.get_attribute("value"), o.text) for o in Select(browser.find_element(By.ID, "bk-course")).options]
    for value, title in courses:
        before = progress_total(browser, title, "ammattilainen")
        Select(browser.find_element(By.ID, "bk-course")).select_by_value(value)
        Select(browser.find_element(By.ID, "bk-role")).select_by_value("professional")
        browser.find_element(By.CSS_SELECTOR, "form.bulk-form button[type=submit]").click()
        count = int(re.search(r"(\d+) henkilölle", notice(browser)).group(1))
        if count > 0:
            assert progress_total(browser, title, "ammattilainen") == before + count
            break
    else:
        raise AssertionError("every course was already assigned to every professional")
    screenshot(browser, "training")
    assert_accessible(browser, "training")


def test_a_professional_completes_their_own_task(browser, base_url):
    log_in(browser, base_url, PROFESSIONAL)
    browser.find_element(By.LINK_TEXT, "Oma koulutus").click()
    wait(browser).until(EC.url_contains("/me/training"))
    screenshot(browser, "my-training")
    assert_accessible(browser, "my training")
    task = browser.find_element(By.CSS_SELECTOR, "li.my-task")
    course = task.find_element(By.TAG_NAME, "strong").text
    Select(task.find_element(By.CSS_SELECTOR, "select[name=evidence_kind]")).select_by_value("e_learning")
    task.find_element(By.CSS_SELECTOR, "input[name=evidence_reference]").send_keys("Todistus 4711")
    task.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert notice(browser) == "Merkitty suoritetuksi."
    done = browser.find_element(By.CSS_SELECTOR, "table.done-tasks").text
    assert course in done and "Verkkokurssi: Todistus 4711" in done


def test_a_county_admin_moves_a_deployment_from_piloting_to_live(browser, base_url):
    log_in(browser, base_url, COUNTY_ADMIN)
    browser.find_element(By.LINK_TEXT, "Käyttöönotot").click()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.matrix")))
    screenshot(browser, "deployments-matrix")
    assert_accessible(browser, "deployments matrix")
    browser.find_element(By.CSS_SELECTOR, "table.matrix td.deploy-piloting a").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "deployment-status")))
    assert browser.find_element(By.ID, "deployment-status").text == "Pilotissa"
    values = [radio.get_attribute("value") for radio in browser.find_elements(By.CSS_SELECTOR, "input[name=status]")]
    assert values == ["live", "retired"]
    browser.find_element(By.CSS_SELECTOR, "input[name=status][value=live]").click()
    browser.find_element(By.ID, "d-note").send_keys("Pilotti onnistui")
    browser.find_element(By.CSS_SELECTOR, "form.move-form button[type=submit]").click()
    refused = browser.find_elements(By.CSS_SELECTOR, ".alert.error")
    if refused:
        assert "%" in refused[0].text  # the gate names its numbers
        screenshot(browser, "deployment-gate-refused")
        browser.find_element(By.CSS_SELECTOR, "input[name=status][value=live]").click()
        browser.find_element(By.ID, "d-override").send_keys("Koulutukset sovittu tammikuulle, palvelu aloitetaan silti")
        browser.find_element(By.CSS_SELECTOR, "form.move-form button[type=submit]").click()
    assert notice(browser) == "Tila vaihdettu."
    assert browser.find_element(By.ID, "deployment-status").text.startswith("Käytössä")
    assert "Pilotissa → Käytössä" in browser.find_element(By.CSS_SELECTOR, "ol.history").text
    # Finnish writes the readiness share with a decimal comma.
    assert re.fullmatch(r"\d+,\d %", browser.find_element(By.CSS_SELECTOR, ".readiness-figure strong").text)
    screenshot(browser, "deployment")
    assert_accessible(browser, "deployment")


def test_a_usage_file_with_two_bad_lines_is_refused_naming_both(browser, base_url):
    log_in(browser, base_url, COUNTY_ADMIN)
    browser.get(base_url + "/usage")
    rows = "\n".join([
        "organisation,service,month,started,completed,forwarded",
        "OULU-TK,symptom_back_pain,2026-10,100,90,10",
        "OULU-TK,symptom_back_pain,2026-13,5,4,1",
        "EI-OLE,symptom_back_pain,2026-10,5,4,1",
    ])
    browser.execute_script("document.getElementById('u-contents').value = arguments[0];", rows)
    browser.find_element(By.ID, "u-name").send_keys("huono.csv")
    browser.find_element(By.CSS_SELECTOR, "form.usage-form button[type=submit]").click()
    table = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.bad-lines")))
    lines = [row.find_elements(By.TAG_NAME, "td") for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert [(cells[0].text, cells[1].text) for cells in lines] == [("3", "month"), ("4", "organisation")]
    assert "Mitään ei muutettu" in browser.find_element(By.CSS_SELECTOR, ".alert.error").text
    screenshot(browser, "usage-refused")
    assert_accessible(browser, "usage refused")


def test_the_other_admin_pages_are_accessible_in_finnish_and_english(browser, base_url):
    log_in(browser, base_url, COUNTY_ADMIN)
    for path, name in [("/courses", "courses"), ("/county/roles", "county-roles"),
                       ("/orgs/OULU-TK/deployments", "org-deployments"), ("/usage", "usage")]:
        open_page(browser, base_url, path, name)
    browser.get(base_url + "/language/en?back=/orgs/OULU-TK/members")
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".tabs"), "Members and roles"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    screenshot(browser, "members-english")
    assert_accessible(browser, "members in English")
    open_page(browser, base_url, "/deployments", "deployments-matrix-english")
    assert "Live" in browser.find_element(By.CSS_SELECTOR, "table.matrix").text
    browser.get(base_url + "/language/fi?back=/orgs")


def test_an_org_admin_of_one_organisation_gets_the_404_page_for_every_page_of_another(browser, base_url):
    log_in(browser, base_url, ORG_ADMIN)
    code = OTHER_ORG
    for path in [f"/orgs/{code}/members", f"/orgs/{code}/training", f"/orgs/{code}/deployments",
                 f"/orgs/{code}/deployments/symptom_back_pain", f"/people/org-admin.{code.lower()}@pohde.example"]:
        browser.get(base_url + path)
        assert h1(browser) == "Sivua ei löydy", path
    for path in ["/courses", "/usage", "/county/roles"]:
        browser.get(base_url + path)
        assert h1(browser) in ("Ei käyttöoikeutta", "Sivua ei löydy"), path


def test_a_county_admin_keeps_regions_and_organisations(browser, base_url):
    log_in(browser, base_url, COUNTY_ADMIN)
    suffix = uuid.uuid4().hex[:6]
    browser.get(base_url + "/regions")
    browser.find_element(By.ID, "nr-code").send_keys(f"testialue_{suffix}")
    browser.find_element(By.ID, "nr-name").send_keys(f"Testialue {suffix}")
    browser.find_element(By.CSS_SELECTOR, "form[action='/regions'] button[type=submit]").click()
    assert notice(browser) == "Alue lisätty."
    assert f"Testialue {suffix}" in browser.find_element(By.CSS_SELECTOR, "table.regions").get_attribute("innerHTML")
    screenshot(browser, "regions")
    assert_accessible(browser, "regions")
    browser.get(base_url + "/orgs")
    code = f"TESTI-{suffix.upper()}"
    browser.find_element(By.ID, "no-code").send_keys(code)
    browser.find_element(By.ID, "no-name").send_keys(f"Testin terveysasema {suffix}")
    Select(browser.find_element(By.ID, "no-region")).select_by_value(f"testialue_{suffix}")
    browser.find_element(By.ID, "no-pop").send_keys("abc")
    browser.find_element(By.CSS_SELECTOR, "form.org-new button[type=submit]").click()
    error = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "form.org-new .field-error")))
    assert error.text == "Anna kokonaisluku."
    assert browser.find_element(By.ID, "no-code").get_attribute("value") == code
    population = browser.find_element(By.ID, "no-pop")
    population.clear()
    population.send_keys("1200")
    browser.find_element(By.CSS_SELECTOR, "form.org-new button[type=submit]").click()
    assert notice(browser) == "Organisaatio lisätty."
    browser.get(base_url + f"/orgs/{code}/edit")
    field = browser.find_element(By.ID, "on-pop")
    field.clear()
    field.send_keys("1350")
    browser.find_element(By.ID, "on-reason").send_keys("Väestötiedot päivitetty")
    screenshot(browser, "organisation-edit")
    assert_accessible(browser, "organisation edit")
    browser.find_element(By.CSS_SELECTOR, "form.org-edit button[type=submit]").click()
    assert notice(browser) == "Organisaatio tallennettu."
    assert "1350" in browser.find_element(By.ID, f"org-{code}").text
    screenshot(browser, "organisations")
    assert_accessible(browser, "organisations")
