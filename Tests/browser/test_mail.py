"""The outbox page of the county support desk in a real browser (issue 16): the mails the
desk sends with their attempts and last error, a failed one sent again with a reason, in
Finnish and English, checked with axe-core and photographed under .build/screenshots/."""

import os
import subprocess
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import AGENT, ORG_ADMIN, PROFESSIONAL, ROOT, assert_accessible, log_in, screenshot, wait

SAMPLE = ROOT / "docs" / "sample-mail.eml"


def failed_mail(marker):
    """A resident's mail to OULU-TK's desk (through `mail receive`, as the mail system pipes it),
    whose "received" answer is then recorded as failed, as delivery records it after its last
    attempt (the delivery itself is tested in Swift, MailOutboxTests and MailProcessTests)."""
    binary = os.environ.get("BACKOFFICE_BIN", str(ROOT / ".build" / "debug" / "backoffice"))
    mail = SAMPLE.read_text().replace("<demo-1@example.fi>", f"<{marker}@example.fi>").replace(
        "Subject: =?UTF-8?Q?Oirearvio_ei_l=C3=A4hde_ammattilaiselle?=", f"Subject: Postitesti {marker}")
    received = subprocess.run([binary, "mail", "receive", "--org", "OULU-TK"], input=mail, capture_output=True, text=True)
    assert received.returncode == 0, received.stderr
    # psql binds the subject (:'subject') in a script read from stdin
    updated = subprocess.run(
        ["psql", os.environ["DATABASE_URL"], "-XAtq", "-v", "ON_ERROR_STOP=1", "-v", f"subject=%Postitesti {marker}%"],
        input="SET ROLE backoffice_county;\n"
              "UPDATE mail_outbox SET status = 'failed', attempts = 5, last_error = 'sendmail: yhteys katkesi' "
              "WHERE subject LIKE :'subject' RETURNING id;\n",
        capture_output=True, text=True)
    assert updated.returncode == 0, updated.stderr
    ids = updated.stdout.split()
    assert len(ids) == 1, updated.stdout
    return received.stdout.strip(), ids[0]


def row(driver, mail_id):
    return driver.find_element(By.CSS_SELECTOR, f"tr[data-mail='{mail_id}']")


def test_the_desk_sees_a_failed_mail_and_sends_it_again_with_a_reason(browser, base_url):
    marker = uuid.uuid4().hex[:10]
    reference, mail_id = failed_mail(marker)
    log_in(browser, base_url, AGENT)
    browser.find_element(By.LINK_TEXT, "Lähtevät viestit").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Lähtevät sähköpostit"))
    Select(browser.find_element(By.ID, "o-status")).select_by_value("failed")
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    wait(browser).until(EC.url_contains("status=failed"))
    line = row(browser, mail_id)
    assert reference in line.text and "Epäonnistui" in line.text and "sendmail: yhteys katkesi" in line.text
    assert "liisa.leppanen@example.fi" not in browser.page_source
    screenshot(browser, "outbox-failed")
    assert_accessible(browser, "outbox, failed mails")

    # without a reason nothing changes, and the reason is asked for beside the form
    row(browser, mail_id).find_element(By.CSS_SELECTOR, "form.requeue button[type=submit]").click()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, f"tr[data-mail='{mail_id}'] .field-error")))
    assert "Epäonnistui" in row(browser, mail_id).text
    screenshot(browser, "outbox-requeue-refused")
    assert_accessible(browser, "outbox, re-queue refused")

    row(browser, mail_id).find_element(By.NAME, "reason").send_keys("Vastaanottajan palvelin korjattu")
    row(browser, mail_id).find_element(By.CSS_SELECTOR, "form.requeue button[type=submit]").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".alert[role=status]"), "lähetetään uudelleen"))
    Select(browser.find_element(By.ID, "o-status")).select_by_value("failed")
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    wait(browser).until(EC.url_contains("status=failed"))
    assert not browser.find_elements(By.CSS_SELECTOR, f"tr[data-mail='{mail_id}']")
    browser.get(base_url + "/mail/outbox")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, f"tr[data-mail='{mail_id}']")))
    assert "Epäonnistui" not in row(browser, mail_id).text
    screenshot(browser, "outbox")


def test_the_outbox_in_english_and_not_for_an_org_admin(browser, base_url):
    log_in(browser, base_url, AGENT)
    browser.get(base_url + "/language/en?back=/mail/outbox")
    wait(browser).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Outgoing mail"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    screenshot(browser, "outbox-english")
    assert_accessible(browser, "outbox in English")
    browser.get(base_url + "/language/fi?back=/tickets")
    browser.delete_all_cookies()
    log_in(browser, base_url, ORG_ADMIN)
    assert not browser.find_elements(By.LINK_TEXT, "Lähtevät viestit")
    browser.get(base_url + "/mail/outbox")
    wait(browser).until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
    assert "Lähtevät sähköpostit" not in browser.find_element(By.TAG_NAME, "h1").text


def test_a_person_chooses_the_language_of_their_mails_and_pages(browser, base_url):
    log_in(browser, base_url, PROFESSIONAL)
    browser.find_element(By.CSS_SELECTOR, "a.person").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Omat asetukset"))
    Select(browser.find_element(By.ID, "s-language")).select_by_value("en")
    browser.find_element(By.CSS_SELECTOR, "form.settings button[type=submit]").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".alert[role=status]"), "Saved."))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    screenshot(browser, "my-settings-english")
    assert_accessible(browser, "my settings in English")
    # the pages back in Finnish by the header's switch; the mails stay in English (stored with the person)
    browser.find_element(By.LINK_TEXT, "Suomi").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Omat asetukset"))
    assert Select(browser.find_element(By.ID, "s-language")).first_selected_option.get_attribute("value") == "en"
    Select(browser.find_element(By.ID, "s-language")).select_by_value("fi")
    browser.find_element(By.CSS_SELECTOR, "form.settings button[type=submit]").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".alert[role=status]"), "Tallennettu."))
    assert Select(browser.find_element(By.ID, "s-language")).first_selected_option.get_attribute("value") == "fi"
    screenshot(browser, "my-settings")
    assert_accessible(browser, "my settings")
