-- 0009: privileges and row level security.
--
-- backoffice_app and backoffice_county get exactly the same table privileges, granted
-- directly (backoffice_app is NOINHERIT, so nothing reaches it through membership).
-- No role but the owner gets anything else; backoffice_reporting gets nothing here.
--
-- Tenant isolation: every tenant table has RLS ENABLED and FORCED (so it binds the owner
-- too) and two policies, both with USING and WITH CHECK:
--   <table>_tenant  TO backoffice_app:    org_id = the transaction's tenant
--   <table>_county  TO backoffice_county: every organisation
-- The tenant is set per transaction, never per session:
--   BEGIN; SELECT set_config('app.org_id', '<uuid>', true); ...; COMMIT;
-- No tenant set (NULL, or '' after an earlier SET LOCAL in the same session) matches no row.
-- The sub-select makes PostgreSQL read the setting once per query (an InitPlan) instead of
-- once per row, and leaves `org_id = $param` for the org_id-leading indexes.
-- A policy applies to the role named in it and to roles that inherit it; backoffice_app is
-- NOINHERIT, so the _county policies reach it only after SET LOCAL ROLE backoffice_county.

-- Global tables: county admins keep them through the app, so full DML.

GRANT SELECT, INSERT, UPDATE, DELETE ON
    regions,
    organisations,
    people,
    county_role_grants,
    api_tokens,
    omaolo_services,
    training_courses,
    usage_imports
    TO backoffice_app, backoffice_county;

-- Mutable tenant tables.
GRANT SELECT, INSERT, UPDATE, DELETE ON
    org_members,
    org_role_grants,
    ticket_counters,
    tickets,
    ticket_resident_contacts,
    idempotency_keys,
    training_tasks,
    deployments,
    usage_monthly
    TO backoffice_app, backoffice_county;

-- Append-only tenant tables (forbid_change() triggers refuse UPDATE/DELETE/TRUNCATE too).
GRANT SELECT, INSERT ON
    ticket_comments,
    ticket_events,
    access_log,
    deployment_events,
    audit_log
    TO backoffice_app, backoffice_county;

-- No sequences: every id is a uuid and ticket numbers come from ticket_counters.

-- Functions (the owner's default privileges give PUBLIC no EXECUTE; see 0001).
GRANT EXECUTE ON FUNCTION finnish_search_query(text) TO backoffice_app, backoffice_county;

-- org_members
ALTER TABLE org_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_members FORCE ROW LEVEL SECURITY;
CREATE POLICY org_members_tenant ON org_members FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY org_members_county ON org_members FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- org_role_grants
ALTER TABLE org_role_grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_role_grants FORCE ROW LEVEL SECURITY;
CREATE POLICY org_role_grants_tenant ON org_role_grants FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY org_role_grants_county ON org_role_grants FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- ticket_counters
ALTER TABLE ticket_counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_counters FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_counters_tenant ON ticket_counters FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY ticket_counters_county ON ticket_counters FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- tickets
ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
ALTER TABLE tickets FORCE ROW LEVEL SECURITY;
CREATE POLICY tickets_tenant ON tickets FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY tickets_county ON tickets FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- ticket_resident_contacts
ALTER TABLE ticket_resident_contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_resident_contacts FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_resident_contacts_tenant ON ticket_resident_contacts FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY ticket_resident_contacts_county ON ticket_resident_contacts FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- ticket_comments
ALTER TABLE ticket_comments ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_comments FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_comments_tenant ON ticket_comments FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY ticket_comments_county ON ticket_comments FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- ticket_events
ALTER TABLE ticket_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_events FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_events_tenant ON ticket_events FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY ticket_events_county ON ticket_events FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- idempotency_keys
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_keys_tenant ON idempotency_keys FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY idempotency_keys_county ON idempotency_keys FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- access_log
ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_log FORCE ROW LEVEL SECURITY;
CREATE POLICY access_log_tenant ON access_log FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY access_log_county ON access_log FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- training_tasks
ALTER TABLE training_tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE training_tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY training_tasks_tenant ON training_tasks FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY training_tasks_county ON training_tasks FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- deployments
ALTER TABLE deployments ENABLE ROW LEVEL SECURITY;
ALTER TABLE deployments FORCE ROW LEVEL SECURITY;
CREATE POLICY deployments_tenant ON deployments FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY deployments_county ON deployments FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- deployment_events
ALTER TABLE deployment_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE deployment_events FORCE ROW LEVEL SECURITY;
CREATE POLICY deployment_events_tenant ON deployment_events FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY deployment_events_county ON deployment_events FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- usage_monthly
ALTER TABLE usage_monthly ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage_monthly FORCE ROW LEVEL SECURITY;
CREATE POLICY usage_monthly_tenant ON usage_monthly FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY usage_monthly_county ON usage_monthly FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- audit_log
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_log_tenant ON audit_log FOR ALL TO backoffice_app
    USING (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid))
    WITH CHECK (org_id = (SELECT NULLIF(current_setting('app.org_id', true), '')::uuid));
CREATE POLICY audit_log_county ON audit_log FOR ALL TO backoffice_county
    USING (true) WITH CHECK (true);

-- Guard: this migration fails if any table with an org_id column lacks forced RLS or one
-- of its two policies, or if a table without org_id has RLS (global tables must not).
DO $check$
DECLARE
    bad text;
BEGIN
    SELECT string_agg(c.relname, ', ' ORDER BY c.relname) INTO bad
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      AND EXISTS (SELECT FROM pg_catalog.pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped)
      AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity
           OR NOT EXISTS (SELECT FROM pg_catalog.pg_policies p
                          WHERE p.schemaname = 'public' AND p.tablename = c.relname
                            AND p.policyname = c.relname || '_tenant')
           OR NOT EXISTS (SELECT FROM pg_catalog.pg_policies p
                          WHERE p.schemaname = 'public' AND p.tablename = c.relname
                            AND p.policyname = c.relname || '_county'));
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'tenant tables without forced RLS and both policies: %', bad;
    END IF;

    SELECT string_agg(c.relname, ', ' ORDER BY c.relname) INTO bad
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
                      WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'global tables (no org_id) with RLS: %', bad;
    END IF;
END
$check$;
