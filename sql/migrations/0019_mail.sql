-- 0019: e-mail to the desk (issue 16).
--
--   * mail_received (tenant): the Message-IDs of the mails the desk took in and the ticket
--     each went to, so a duplicate delivery makes nothing new and answers thread.
--   * ticket_comments.author_person_id may be NULL: a reply by mail from the resident who
--     reported the ticket (residents are never people of the back office). Such a comment
--     is always public.

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
