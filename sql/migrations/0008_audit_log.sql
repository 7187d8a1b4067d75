-- 0008: the audit log: every grant, revoke and change (who, when, from what to what,
-- through which interface). Tenant table (rules in 0004); append-only.
-- County-level actions (county role grants, organisations, catalogues, usage imports) are
-- recorded under the county organisation's id (organisations.kind = 'county').

CREATE TABLE audit_log (
    org_id          uuid        NOT NULL REFERENCES organisations (id),
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    at              timestamptz NOT NULL DEFAULT now(),
    -- NULL = the system (retention job, renewal job, set-up)
    actor_person_id uuid        NULL REFERENCES people (id),
    -- e.g. role.grant, role.revoke, ticket.update, deployment.status, contact.anonymise
    action          text        NOT NULL CHECK (action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$' AND length(action) <= 64),
    object_type     text        NOT NULL CHECK (object_type ~ '^[a-z][a-z0-9_]*$' AND length(object_type) <= 64),
    -- text, so that natural keys (org codes, ticket references) fit too
    object_id       text        NOT NULL CHECK (length(object_id) BETWEEN 1 AND 200),
    before          jsonb       NULL,
    after           jsonb       NULL,
    reason          text        NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    interface       text        NOT NULL CHECK (interface IN ('cli', 'http', 'web', 'system')),
    PRIMARY KEY (org_id, id)
);
CREATE INDEX audit_log_at ON audit_log (org_id, at);
CREATE INDEX audit_log_object ON audit_log (org_id, object_type, object_id, at);

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
