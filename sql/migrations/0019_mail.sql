-- 0019: e-mail to the desk (issue 16).
--
--   * mail_received (tenant): the Message-IDs of the mails the desk took in and the ticket
--     each went to, so a duplicate delivery makes nothing new and answers thread.
--   * ticket_comments.author_person_id may be NULL: a reply by mail from the resident who
--     reported the ticket (residents are never people of the back office). Such a comment
--     is always public.
--   * mail_outbox (tenant): the mails the desk sends, written with the change that causes
--     them, delivered through sendmail, removed 30 days after they were sent or failed.
--   * people.language, ticket_resident_contacts.language: the language of their mails.
--   * access_log.actor_person_id may be NULL: the system reading an address for its own mail.

ALTER TABLE ticket_comments ALTER COLUMN author_person_id DROP NOT NULL;
ALTER TABLE ticket_comments
    ADD CONSTRAINT ticket_comments_resident_public CHECK (author_person_id IS NOT NULL OR visibility = 'public');
COMMENT ON COLUMN ticket_comments.author_person_id IS
    'The person who wrote the comment; NULL: the resident who reported the ticket, by mail.';

CREATE TABLE mail_received (
    org_id      uuid        NOT NULL REFERENCES organisations (id),
    -- without the angle brackets
    message_id  text        NOT NULL CHECK (length(message_id) BETWEEN 1 AND 998),
    ticket_id   uuid        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, message_id),
    FOREIGN KEY (org_id, ticket_id) REFERENCES tickets (org_id, id)
);
CREATE INDEX mail_received_ticket ON mail_received (org_id, ticket_id);
COMMENT ON TABLE mail_received IS
    'Message-IDs of the mails taken in by the desk (backoffice mail receive) and their tickets: duplicate deliveries and threading.';

GRANT SELECT, INSERT ON mail_received TO backoffice_app, backoffice_county;

ALTER TABLE mail_received ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_received FORCE ROW LEVEL SECURITY;
CREATE POLICY mail_received_tenant ON mail_received FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY mail_received_county ON mail_received FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- The outbox: mails the desk sends, written in the transaction of the change that causes
-- them (a rollback sends nothing), delivered by `backoffice serve` / `backoffice mail
-- deliver` through the machine's sendmail. A delivery locks one row (FOR UPDATE SKIP LOCKED),
-- hands it over, and records sent or a retry with backoff, failed after the last attempt.
-- Sent and failed mails (their addresses with them) are removed by the retention job after
-- 30 days.
CREATE TABLE mail_outbox (
    org_id          uuid        NOT NULL REFERENCES organisations (id),
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    ticket_id       uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('reply', 'received', 'resolved', 'assigned')),
    recipient       text        NOT NULL
                    CHECK (length(recipient) BETWEEN 3 AND 254 AND recipient ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    subject         text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 1000),
    -- the whole RFC 5322 message as handed to `sendmail -t -i`
    message         text        NOT NULL CHECK (length(message) BETWEEN 1 AND 1048576),
    -- without angle brackets
    message_id      text        NOT NULL CHECK (length(message_id) BETWEEN 1 AND 998),
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text        NULL CHECK (length(last_error) <= 2000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, message_id),
    FOREIGN KEY (org_id, ticket_id) REFERENCES tickets (org_id, id),
    CONSTRAINT mail_outbox_sent_at CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX mail_outbox_due ON mail_outbox (org_id, next_attempt_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_created ON mail_outbox (org_id, created_at);
COMMENT ON TABLE mail_outbox IS
    'Mails of the desk waiting for, or past, delivery through sendmail; sent and failed ones removed after 30 days.';

-- The language mails are written in: Finnish unless the recipient chose English.
ALTER TABLE people ADD COLUMN language text NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'en'));
ALTER TABLE ticket_resident_contacts ADD COLUMN language text NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'en'));

-- Reading a resident's address to send them a mail is logged like any read; the system
-- (the desk's automatic mail to a resident who wrote in) has no person.
ALTER TABLE access_log ALTER COLUMN actor_person_id DROP NOT NULL;
COMMENT ON COLUMN access_log.actor_person_id IS
    'Who read the contact details; NULL: the system, reading the address for an automatic mail.';

GRANT SELECT, INSERT, UPDATE, DELETE ON mail_outbox TO backoffice_app, backoffice_county;

ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY mail_outbox_tenant ON mail_outbox FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY mail_outbox_county ON mail_outbox FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);
