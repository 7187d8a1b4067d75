-- 0022: canned replies (vastausmallit) of the desk (issue 10, part 1).
--
--   * canned_replies (tenant): a title and a body in Finnish (and optionally English) with
--     placeholders such as {{viite}}, filled from a ticket when an agent inserts the reply.
--     The county-wide set belongs to the county's own organisation (kind county), so the
--     desk reads it in that organisation's tenant scope; an organisation's own set belongs
--     to it. How often each is used (inserted into a composer) is counted on the row.
--   Bulk actions (part 2) need no schema: each ticket changes in its own transaction with
--   its own ticket_events row.

CREATE TABLE canned_replies (
    org_id             uuid        NOT NULL REFERENCES organisations (id),
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    title              text        NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    body_fi            text        NOT NULL CHECK (length(body_fi) BETWEEN 1 AND 10000),
    body_en            text        NULL CHECK (length(body_en) BETWEEN 1 AND 10000),
    use_count          integer     NOT NULL DEFAULT 0 CHECK (use_count >= 0),
    last_used_at       timestamptz NULL,
    created_by         uuid        NULL REFERENCES people (id),
    updated_by         uuid        NULL REFERENCES people (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id)
);
-- One title per set, whatever its case.
CREATE UNIQUE INDEX canned_replies_title ON canned_replies (org_id, lower(title));
COMMENT ON TABLE canned_replies IS
    'Canned replies of the desk: the county-wide set under the county organisation, an organisation''s own set under it; placeholders filled from the ticket.';
COMMENT ON COLUMN canned_replies.use_count IS 'How many times the reply was inserted into a composer.';

GRANT SELECT, INSERT, UPDATE, DELETE ON canned_replies TO backoffice_app, backoffice_county;

ALTER TABLE canned_replies ENABLE ROW LEVEL SECURITY;
ALTER TABLE canned_replies FORCE ROW LEVEL SECURITY;
CREATE POLICY canned_replies_tenant ON canned_replies FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY canned_replies_county ON canned_replies FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);
