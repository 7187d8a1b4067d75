"""The desk's tools in a real browser (issue 10): a saved view found again after logging in
anew, a duplicate merged into its original with its thread shown there, and a second browser
seeing who else is on a ticket and who is writing a reply."""

import re
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import AGENT, ORG_ADMIN, assert_accessible, log_in, screenshot, wait
from test_desk import comment, new_phone_call, ticket_reference


def log_out(driver):
    driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    wait(driver).until(EC.url_contains("/login"))


def test_a_saved_view_is_there_after_logging_in_again(browser, base_url):
    log_in(browser, base_url, AGENT)
    browser.get(base_url + "/tickets")
    Select(browser.find_element(By.ID, "f-priority")).select_by_value("high")
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    wait(browser).until(EC.url_contains("priority=high"))
    name = f"Kiireelliset {uuid.uuid4().hex[:6]}"
    browser.find_element(By.CSS_SELECTOR, "details.save-view summary").click()
    browser.find_element(By.ID, "view-name").send_keys(name)
    browser.find_element(By.CSS_SELECTOR, "details.save-view button[type=submit]").click()
    current = (By.XPATH, f"//nav[contains(@class,'saved-views')]//a[@aria-current='page'][contains(., '{name}')]")
    wait(browser).until(EC.presence_of_element_located(current))
    count = int(browser.find_element(*current).find_element(By.CSS_SELECTOR, ".count").text)
    rows = len(browser.find_elements(By.CSS_SELECTOR, "table.queue tbody tr"))
    if browser.find_elements(By.CSS_SELECTOR, "a[rel=next]"):
        assert count > rows
    else:
        assert count == rows
    screenshot(browser, "queue-saved-view")
    assert_accessible(browser, "queue with saved views")

    log_out(browser)
    log_in(browser, base_url, AGENT)
    browser.get(base_url + "/tickets")
    link = browser.find_element(By.XPATH, f"//nav[contains(@class,'saved-views')]//a[contains(., '{name}')]")
    link.click()
    wait(browser).until(EC.url_contains("priority=high"))
    assert Select(browser.find_element(By.ID, "f-priority")).first_selected_option.get_attribute("value") == "high"
    headers = [th.get_attribute("textContent").strip() for th in browser.find_elements(By.CSS_SELECTOR, "table.queue thead th")]
    priority_column = headers.index("Kiireellisyys") + 1
    priorities = {td.text for td in browser.find_elements(By.CSS_SELECTOR, f"table.queue tbody td:nth-child({priority_column})")}
    assert priorities == {"Korkea"}

    browser.get(base_url + "/views")
    row = browser.find_element(By.XPATH, f"//table[contains(@class,'saved-view-list')]//tr[contains(., '{name}')]")
    assert "teemu.tukipalvelu@pohde.example" in row.text
    screenshot(browser, "saved-views")
    assert_accessible(browser, "saved views")


def test_a_duplicate_is_merged_and_its_thread_shows_on_the_original(browser, base_url):
    log_in(browser, base_url, AGENT)
    marker = uuid.uuid4().hex[:6]
    new_phone_call(browser, base_url, f"Kirjautuminen ei onnistu {marker}", resident_name="Aino Kahdesti", resident_phone="+358 40 222 3344")
    original = ticket_reference(browser)
    new_phone_call(browser, base_url, f"Ei pääse kirjautumaan {marker}", resident_name="Aino Kahdesti", resident_phone="+358 40 222 3344")
    duplicate = ticket_reference(browser)
    assert duplicate != original
    comment(browser, f"Asukas soitti uudelleen samasta asiasta {marker}.", "internal")

    browser.find_element(By.ID, "m-into").send_keys(duplicate)
    browser.find_element(By.CSS_SELECTOR, "form[action$='/merge'] button[type=submit]").click()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".field-error")))
    assert "Tukipyyntöä ei voi yhdistää itseensä." in browser.find_element(By.CSS_SELECTOR, "form[action$='/merge']").text

    box = browser.find_element(By.ID, "m-into")
    box.clear()
    box.send_keys(original)
    browser.find_element(By.CSS_SELECTOR, "form[action$='/merge'] button[type=submit]").click()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".merged-notice")))
    assert browser.find_element(By.CSS_SELECTOR, ".ticket-head .badges .pill").text == "Suljettu"
    assert not browser.find_elements(By.CSS_SELECTOR, "form[action$='/merge']")
    assert not browser.find_elements(By.CSS_SELECTOR, "div.moves button")  # a merged ticket is not reopened
    assert "Yhdistetty toiseen tukipyyntöön" in browser.find_element(By.CSS_SELECTOR, "ol.history").text
    screenshot(browser, "ticket-merged")
    assert_accessible(browser, "merged ticket")

    browser.find_element(By.CSS_SELECTOR, ".merged-notice a").click()
    wait(browser).until(EC.url_contains(f"/tickets/{original}"))
    entry = browser.find_element(By.XPATH, f"//ol[@class='thread']/li[contains(., '{marker}')]")
    assert duplicate in entry.find_element(By.CSS_SELECTOR, ".merged-pill").text
    assert f"Yhdistetty tähän: – → {duplicate}" in browser.find_element(By.CSS_SELECTOR, "ol.history").text
    screenshot(browser, "ticket-merge-target")
    assert_accessible(browser, "merge target")


def test_a_second_browser_sees_who_is_writing_a_reply(browser, second_browser, base_url):
    log_in(browser, base_url, AGENT)
    new_phone_call(browser, base_url, f"Oirearvio ei aukea {uuid.uuid4().hex[:6]}")
    reference = ticket_reference(browser)
    log_in(second_browser, base_url, ORG_ADMIN)
    second_browser.get(f"{base_url}/tickets/{reference}")
    presence = (By.ID, "presence")
    wait(second_browser).until(EC.text_to_be_present_in_element(presence, "katsoo tätä tukipyyntöä"))

    browser.find_element(By.ID, "comment-body").send_keys("Hei, selvitämme asiaa")
    wait(second_browser).until(EC.text_to_be_present_in_element(presence, "Teemu kirjoittaa vastausta"))
    assert second_browser.find_element(*presence).is_displayed()
    screenshot(second_browser, "ticket-presence")
    assert_accessible(second_browser, "ticket with presence")
    # and the first browser sees the second one looking
    wait(browser).until(EC.text_to_be_present_in_element(presence, "katsoo tätä tukipyyntöä"))

    browser.get(base_url + "/tickets")  # the writer leaves the ticket
    wait(second_browser).until(EC.invisibility_of_element_located(presence))
    assert not re.search("kirjoittaa vastausta", second_browser.find_element(*presence).get_attribute("textContent"))
