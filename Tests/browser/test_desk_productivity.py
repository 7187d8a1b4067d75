"""The desk's productivity tools in a real browser: a canned reply inserted with `::` (and
with the plain form), the canned replies page, and a bulk assign of three tickets from the
queue."""

import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import AGENT, assert_accessible, log_in, screenshot, wait
from test_desk import new_phone_call, ticket_reference

CONTACT = "omaolo-contact.oulu-tk@pohde.example"


def unique_word():
    """A made-up word no other run's ticket has: letters for the digits of a UUID."""
    return "hairio" + "".join(chr(97 + int(c, 16)) for c in uuid.uuid4().hex[:10])


def test_a_canned_reply_is_inserted_with_double_colon_edited_and_sent(browser, base_url):
    log_in(browser, base_url, AGENT)
    new_phone_call(browser, base_url, "Kirjautuminen katkeaa tunnistautumiseen")
    reference = ticket_reference(browser)
    box = wait(browser).until(EC.element_to_be_clickable((By.ID, "comment-body")))
    box.send_keys("::vastaanotto")
    suggestions = wait(browser).until(EC.visibility_of_element_located((By.ID, "canned-suggestions")))
    assert [item.text for item in suggestions.find_elements(By.CSS_SELECTOR, "li[role=option]")] == ["Vastaanottokuittaus (yhteinen)"]
    assert box.get_attribute("aria-activedescendant") == "canned-option-0"
    screenshot(browser, "desk-productivity-canned-suggestions")
    assert_accessible(browser, "ticket page with canned suggestions")
    box.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: reference in box.get_attribute("value"))
    text = box.get_attribute("value")
    assert "::" not in text
    assert text.startswith("Hei,\n\nkiitos yhteydenotostanne. Tukipyyntönne " + reference + ' ("Kirjautuminen katkeaa tunnistautumiseen")')
    assert "Teemu Tukipalvelu" in text
    assert not suggestions.is_displayed()
    box.send_keys("\nSoitamme teille vielä tänään.")
    screenshot(browser, "desk-productivity-canned-inserted")
    browser.find_element(By.CSS_SELECTOR, "input[name=visibility][value=public]").click()
    box.send_keys(Keys.CONTROL, Keys.ENTER)
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "ol.thread"), "Soitamme teille vielä tänään."))
    thread = browser.find_element(By.CSS_SELECTOR, "ol.thread").text
    assert "Tukipyyntönne " + reference in thread

    # The plain form does the same: pick, insert, and the page comes back with the text after what was typed.
    box = browser.find_element(By.ID, "comment-body")
    box.send_keys("Lisätieto:")
    Select(browser.find_element(By.ID, "canned-reply")).select_by_visible_text("Pyydetään kuvakaappaus (yhteinen)")
    browser.find_element(By.CSS_SELECTOR, ".canned-picker button").click()
    wait(browser).until(EC.staleness_of(box))
    filled = browser.find_element(By.ID, "comment-body").get_attribute("value")
    assert filled.startswith("Lisätieto:\n\nHei,\n\njotta voimme selvittää asiaa")
    assert "Merkitsemme tukipyynnön " + reference + " odottamaan" in filled


def test_the_canned_replies_page_refuses_an_unknown_placeholder_by_name(browser, base_url):
    log_in(browser, base_url, AGENT)
    browser.get(base_url + "/canned-replies")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.canned-replies tbody tr")
    assert len(rows) >= 11
    assert_accessible(browser, "canned replies")
    screenshot(browser, "desk-productivity-canned-replies")
    title = "Testimalli " + uuid.uuid4().hex[:6]
    browser.find_element(By.ID, "cr-title").send_keys(title)
    browser.find_element(By.ID, "cr-body-fi").send_keys("Hei {{asiakas}}, tukipyyntö {{viite}}.")
    browser.find_element(By.CSS_SELECTOR, "form[action='/canned-replies'] button[type=submit]").click()
    error = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#cr-body-fi + .field-error")))
    assert error.text == "Tuntematon paikkamerkki {{asiakas}}. Käytettävissä olevat paikkamerkit on lueteltu lomakkeen alla."
    assert browser.find_element(By.ID, "cr-title").get_attribute("value") == title
    screenshot(browser, "desk-productivity-canned-refused")
    body = browser.find_element(By.ID, "cr-body-fi")
    body.clear()
    body.send_keys("Hei, tukipyyntö {{viite}} on käsittelyssä.")
    browser.find_element(By.CSS_SELECTOR, "form[action='/canned-replies'] button[type=submit]").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "p.alert[role=status]"), "Vastausmalli tallennettiin."))
    link = browser.find_element(By.LINK_TEXT, title)
    link.click()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "form[action$='/delete']")))
    assert_accessible(browser, "canned reply edit")
    browser.find_element(By.CSS_SELECTOR, "form[action$='/delete'] button").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "p.alert[role=status]"), "Vastausmalli poistettiin."))
    assert not browser.find_elements(By.LINK_TEXT, title)


def test_three_tickets_are_assigned_at_once_from_the_queue(browser, base_url):
    log_in(browser, base_url, AGENT)
    word = unique_word()
    references = []
    for number in range(3):
        new_phone_call(browser, base_url, f"Tulostus {word} ei toimi {number}")
        references.append(ticket_reference(browser))
    browser.get(base_url + "/tickets?org=OULU-TK&q=" + word)
    rows = wait(browser).until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, "table.queue tbody tr")))
    assert sorted(row.find_element(By.CSS_SELECTOR, "td:nth-child(2)").text for row in rows) == sorted(references)
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name=ticket][form=bulk-form]"):
        box.click()
    assert browser.find_element(By.ID, "bulk-all").is_selected()  # every row ticked: the script ticks "all" too
    browser.find_element(By.CSS_SELECTOR, "input[name=action][value=assign]").click()
    assert not browser.find_element(By.ID, "bulk-note").is_displayed()  # only the chosen action's field shows
    browser.find_element(By.ID, "bulk-assignee").send_keys(CONTACT)
    browser.find_element(By.ID, "bulk-reason").send_keys("Omaolovastaava hoitaa tulostusongelmat")
    screenshot(browser, "desk-productivity-bulk-form")
    assert_accessible(browser, "queue with the bulk form")
    browser.find_element(By.CSS_SELECTOR, "#bulk-form button[type=submit]").click()
    summary = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.alert[role=status]")))
    assert summary.text == "Muutettu 3, ennallaan 0, hylätty 0."
    assert sorted(link.text for link in browser.find_elements(By.CSS_SELECTOR, "ul.bulk-lines a")) == sorted(references)
    screenshot(browser, "desk-productivity-bulk-result")
    assert_accessible(browser, "bulk result")

    # Sent again (a reload), every ticket is refused as changed since it was ticked: nothing twice.
    browser.refresh()
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "p.alert[role=status]"), "hylätty 3"))
    lines = [line.text for line in browser.find_elements(By.CSS_SELECTOR, "ul.bulk-lines li")]
    assert sorted(lines) == sorted(
        f"{reference}: joku muutti tukipyyntöä valintasi jälkeen; lataa jono uudelleen ja yritä uudestaan." for reference in references)
    screenshot(browser, "desk-productivity-bulk-refused")
    for reference in references:
        browser.get(base_url + "/tickets/" + reference)
        facts = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "dl.facts"))).text
        assert CONTACT in facts
        assert "Omaolovastaava hoitaa tulostusongelmat" in browser.find_element(By.CSS_SELECTOR, "ol.history").text
