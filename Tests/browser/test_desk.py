"""The support desk's working day in a real browser: log in, read the queue, log a phone
call, work the ticket to resolved, and the refusals a desk must see."""

import re
import urllib.error
import urllib.request
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import (AGENT, ORG_ADMIN, PROFESSIONAL, SERVER_LOG, assert_accessible, log_in, screenshot, wait)


def texts(driver, selector):
    return [element.text for element in driver.find_elements(By.CSS_SELECTOR, selector)]


def new_phone_call(driver, base_url, subject, description="Asukas soitti ja kertoi ongelmasta.", **fields):
    driver.get(base_url + "/tickets/new")
    wait(driver).until(EC.presence_of_element_located((By.ID, "n-organisation")))
    driver.find_element(By.ID, "n-organisation").send_keys(fields.get("organisation", "OULU-TK"))
    if fields.get("reporter_email"):
        driver.find_element(By.CSS_SELECTOR, "input[name=reporter_kind][value=professional]").click()
        driver.find_element(By.ID, "n-reporter-email").send_keys(fields["reporter_email"])
    else:
        driver.find_element(By.ID, "n-resident-name").send_keys(fields.get("resident_name", "Aino Asukas"))
        driver.find_element(By.ID, "n-resident-phone").send_keys(fields.get("resident_phone", "+358 40 123 4567"))
    Select(driver.find_element(By.ID, "n-priority")).select_by_value(fields.get("priority", "high"))
    driver.find_element(By.ID, "n-subject").send_keys(subject)
    driver.find_element(By.ID, "n-description").send_keys(description)
    driver.find_element(By.CSS_SELECTOR, "form.new-ticket button[type=submit]").click()


def ticket_reference(driver):
    wait(driver).until(EC.url_matches(r"/tickets/[A-Z0-9-]+-\d+"))
    return re.search(r"/tickets/([A-Z0-9-]+-\d+)", driver.current_url).group(1)


def comment(driver, text, visibility):
    driver.find_element(By.CSS_SELECTOR, f"input[name=visibility][value={visibility}]").click()
    box = driver.find_element(By.ID, "comment-body")
    box.send_keys(text)
    box.send_keys(Keys.CONTROL, Keys.ENTER)  # the shortcut sends it
    wait(driver).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "ol.thread"), text))


def move(driver, label):
    button = driver.find_element(By.XPATH, f"//div[@class='moves']//button[normalize-space()='{label}']")
    button.click()
    wait(driver).until(EC.staleness_of(button))  # the page after the redirect replaced this one
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".ticket-head")))


def status(driver):
    return driver.find_element(By.CSS_SELECTOR, ".ticket-head .badges .pill").text


def test_login_page_is_accessible(browser, base_url):
    browser.get(base_url + "/login")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Kirjaudu sisään"
    screenshot(browser, "login")
    assert_accessible(browser, "login")


def test_the_queue_shows_the_demo_tickets_with_their_sla_colours(browser, base_url):
    log_in(browser, base_url, AGENT)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Tukipyyntöjonot"
    header = browser.find_element(By.CSS_SELECTOR, "header.top").text
    assert "Teemu Tukipalvelu" in header and "tukipalvelu" in header
    counts = {link.text.rsplit(" ", 1)[0]: int(link.find_element(By.CSS_SELECTOR, ".count").text)
              for link in browser.find_elements(By.CSS_SELECTOR, ".queues a") if link.find_elements(By.CSS_SELECTOR, ".count")}
    assert set(counts) == {"Minun", "Käsittelijättä", "Erääntyy 4 h sisällä", "Odottaa", "Kaikki avoimet"}
    assert counts["Kaikki avoimet"] > 0 and counts["Erääntyy 4 h sisällä"] > 0
    rows = browser.find_elements(By.CSS_SELECTOR, "table.queue tbody tr")
    assert 0 < len(rows) <= 50
    for badge in browser.find_elements(By.CSS_SELECTOR, "table.queue .sla"):
        text = badge.find_element(By.CSS_SELECTOR, ".sla-text").text
        css = badge.get_attribute("class")
        if "sla-late" in css:
            assert text.endswith("myöhässä")
        elif "sla-ok" in css or "sla-soon" in css:
            assert text.endswith("jäljellä")
        elif "sla-paused" in css:
            assert text == "Pysäytetty (odottaa)"
    assert browser.find_elements(By.CSS_SELECTOR, "table.queue .sla-late"), "the demo has breached tickets"
    screenshot(browser, "queue")
    assert_accessible(browser, "queue")

    browser.find_element(By.XPATH, "//nav[@class='queues']//a[starts-with(normalize-space(), 'Odottaa')]").click()
    wait(browser).until(EC.url_contains("queue=waiting"))
    statuses = set(texts(browser, "table.queue tbody .pill[class*=status-]"))
    assert statuses == {"Odottaa"}
    assert set(texts(browser, "table.queue .sla-text")) == {"Pysäytetty (odottaa)"}
    if browser.find_elements(By.CSS_SELECTOR, "a[rel=next]"):
        first_page = texts(browser, "table.queue tbody td a[href^='/tickets/']")
        browser.find_element(By.CSS_SELECTOR, "a[rel=next]").click()
        wait(browser).until(EC.url_contains("cursor="))
        assert not set(first_page) & set(texts(browser, "table.queue tbody td a[href^='/tickets/']"))


def test_a_phone_call_is_logged_and_worked_to_resolved(browser, base_url):
    log_in(browser, base_url, AGENT)
    subject = f"Kirjautuminen ei onnistu {uuid.uuid4().hex[:6]}"
    new_phone_call(browser, base_url, subject, resident_name="Aino Puhelinasukas", resident_phone="+358 40 987 6543")
    reference = ticket_reference(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == subject
    assert status(browser) == "Uusi"
    assert "Aino Puhelinasukas" not in browser.page_source

    comment(browser, "Tarkistettu käyttöoikeudet, ne ovat kunnossa.", "internal")
    comment(browser, "Hei, pyysimme kuvakaappauksen virheilmoituksesta.", "public")
    internal = browser.find_element(By.XPATH, "//li[contains(@class,'comment')][contains(., 'käyttöoikeudet')]")
    public = browser.find_element(By.XPATH, "//li[contains(@class,'comment')][contains(., 'kuvakaappauksen')]")
    assert "internal" in internal.get_attribute("class") and "internal" not in public.get_attribute("class")

    move(browser, "Odottamaan")
    assert status(browser) == "Odottaa"
    assert "Pysäytetty" in browser.find_element(By.CSS_SELECTOR, "aside .panel").text
    move(browser, "Työn alle")
    assert status(browser) == "Työn alla"
    move(browser, "Ratkaistu")
    assert status(browser) == "Ratkaistu"

    history = browser.find_element(By.CSS_SELECTOR, "ol.history").text
    for step in ("Luotu", "Kommentoitu", "Tila: Uusi → Odottaa", "Tila: Odottaa → Työn alla", "Tila: Työn alla → Ratkaistu"):
        assert step in history, step
    assert history.count("verkkosivu") >= 6
    screenshot(browser, "ticket")
    assert_accessible(browser, "ticket")

    browser.find_element(By.ID, "c-purpose").send_keys("Soitto asukkaalle")
    browser.find_element(By.XPATH, "//form[contains(@action,'/contact')]//button").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "body"), "Aino Puhelinasukas"))
    browser.get(base_url + "/tickets")
    assert reference not in texts(browser, "table.queue tbody td a[href^='/tickets/']")  # resolved leaves the open queues
    log = SERVER_LOG.read_text()
    assert "Puhelinasukas" not in log and "987 6543" not in log


def test_a_refused_field_is_shown_beside_it_with_everything_typed_kept(browser, base_url):
    log_in(browser, base_url, AGENT)
    new_phone_call(browser, base_url, "Henkilötunnus kuvauksessa", description="Asukkaan hetu on 131052-308T, katsokaa.")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".field-error")))
    description = browser.find_element(By.ID, "n-description")
    error = description.find_element(By.XPATH, "following-sibling::p[@class='field-error'][1]")
    assert error.text.startswith("Sisältää henkilötunnuksen.")  # in the page's language, not the domain's English
    assert browser.find_element(By.ID, "n-subject").get_attribute("value") == "Henkilötunnus kuvauksessa"
    assert browser.find_element(By.ID, "n-resident-name").get_attribute("value") == "Aino Asukas"
    assert Select(browser.find_element(By.ID, "n-priority")).first_selected_option.get_attribute("value") == "high"
    screenshot(browser, "new-ticket-refused")
    assert_accessible(browser, "new ticket")


def test_a_stale_edit_shows_what_changed_meanwhile_and_changes_nothing(browser, second_browser, base_url):
    log_in(browser, base_url, AGENT)
    new_phone_call(browser, base_url, f"Oirearvio ei aukea {uuid.uuid4().hex[:6]}", priority="normal")
    reference = ticket_reference(browser)
    log_in(second_browser, base_url, AGENT)
    second_browser.get(f"{base_url}/tickets/{reference}")

    Select(second_browser.find_element(By.ID, "e-priority")).select_by_value("critical")
    second_browser.find_element(By.CSS_SELECTOR, "form.side-form button").click()
    wait(second_browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".ticket-head"), "Kriittinen"))

    Select(browser.find_element(By.ID, "e-category")).select_by_value("technical_fault")
    browser.find_element(By.CSS_SELECTOR, "form.side-form button").click()
    alert = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".alert.error"))).text
    assert "muutettiin sillä välin" in alert
    assert f"Muuttanut {AGENT}" in alert and "Kiireellisyys: Normaali → Kriittinen" in alert
    assert alert.count("Muuttanut") == 1  # only what came after the page was loaded, not the creation
    screenshot(browser, "ticket-stale")
    browser.get(f"{base_url}/tickets/{reference}")
    facts = browser.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert "Tekninen vika" not in facts and "Kirjautuminen ja käyttöoikeudet" in facts


def test_a_professional_sees_only_their_own_tickets_and_no_internal_notes(browser, second_browser, base_url):
    log_in(second_browser, base_url, AGENT)
    subject = f"Ammattilaisen tukipyyntö {uuid.uuid4().hex[:6]}"
    new_phone_call(second_browser, base_url, subject, reporter_email=PROFESSIONAL)
    reference = ticket_reference(second_browser)
    comment(second_browser, "Sisäinen: tarkista lisenssit ensin.", "internal")
    comment(second_browser, "Selvitämme asiaa ja palaamme pian.", "public")

    log_in(browser, base_url, PROFESSIONAL)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Omat tukipyyntöni"
    assert [link.text for link in browser.find_elements(By.CSS_SELECTOR, "header nav a")] == ["Omat tukipyyntöni", "Uusi tukipyyntö", "Oma koulutus"]
    reporter_cells = browser.find_elements(By.CSS_SELECTOR, "table.queue tbody td:nth-child(4) span[title]")
    assert len(reporter_cells) == len(browser.find_elements(By.CSS_SELECTOR, "table.queue tbody tr"))
    assert {cell.get_attribute("title") for cell in reporter_cells} == {PROFESSIONAL}
    assert reference in texts(browser, "table.queue tbody td a[href^='/tickets/']")
    screenshot(browser, "queue-professional")
    browser.get(f"{base_url}/tickets/{reference}")
    page = browser.page_source
    assert "Selvitämme asiaa" in page and "tarkista lisenssit" not in page
    assert not browser.find_elements(By.CSS_SELECTOR, "ol.history, .moves, form.side-form, input[name=visibility][value=internal]")
    screenshot(browser, "ticket-professional")
    assert_accessible(browser, "ticket as a professional")


def test_another_organisations_ticket_is_the_not_found_page(browser, base_url):
    log_in(browser, base_url, ORG_ADMIN)
    browser.get(base_url + "/tickets/KUUSAMO-TA-1")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sivua ei löydy"
    other = browser.page_source.replace("KUUSAMO-TA-1", "REF")
    browser.get(base_url + "/tickets/OULU-TK-999999")
    assert browser.page_source.replace("OULU-TK-999999", "REF") == other
    screenshot(browser, "not-found")
    assert_accessible(browser, "not found")


def test_the_language_switch_turns_the_pages_into_english_and_back(browser, base_url):
    log_in(browser, base_url, AGENT)
    browser.find_element(By.LINK_TEXT, "English").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Ticket queues"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert "Log out" in browser.find_element(By.CSS_SELECTOR, "header.top").text
    screenshot(browser, "queue-english")
    browser.find_element(By.LINK_TEXT, "Suomi").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Tukipyyntöjonot"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fi"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_after_logout_the_old_session_cookie_opens_nothing(browser, base_url):
    log_in(browser, base_url, AGENT)
    cookie = browser.get_cookie("bo_session")
    assert cookie and cookie["httpOnly"] and cookie.get("sameSite") == "Lax"
    request = urllib.request.Request(base_url + "/tickets", headers={"Cookie": f"bo_session={cookie['value']}"})
    with urllib.request.build_opener(NoRedirect).open(request) as answer:
        assert answer.status == 200
    browser.find_element(By.CSS_SELECTOR, "form.logout button").click()
    wait(browser).until(EC.url_contains("/login"))
    try:
        urllib.request.build_opener(NoRedirect).open(request)
        raise AssertionError("the old cookie still opened the queue")
    except urllib.error.HTTPError as refused:
        assert refused.code == 303 and refused.headers["Location"].startswith("/login")


def test_the_keyboard_moves_through_the_queue_and_opens_a_ticket(browser, base_url):
    log_in(browser, base_url, AGENT)
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("?")
    assert browser.find_element(By.ID, "shortcuts").get_attribute("open") is not None
    body.send_keys(Keys.ESCAPE)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "shortcuts").get_attribute("open") is None)
    rows = browser.find_elements(By.CSS_SELECTOR, "tr[data-href]")
    body.send_keys("j")
    body.send_keys("j")
    body.send_keys("k")
    assert "selected" in rows[0].get_attribute("class")
    second_href = rows[1].get_attribute("data-href")
    body.send_keys("j")
    body.send_keys(Keys.ENTER)
    wait(browser).until(EC.url_to_be(base_url + second_href))
    browser.find_element(By.TAG_NAME, "body").send_keys("i")
    assert browser.switch_to.active_element.get_attribute("id") == "comment-body"
    assert browser.find_element(By.CSS_SELECTOR, "input[name=visibility][value=internal]").is_selected()
