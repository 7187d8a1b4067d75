-- 0023: the desk's productivity (issue 10, parts 3, 4 and 6): saved views of the queue,
-- merging a duplicate ticket into its original, and the merge link in reporting.

-- Merging ----------------------------------------------------------------------------------
-- A merged duplicate is closed with a link to the ticket it was merged into, in the same
-- organisation (the composite foreign key keeps it there). It was not resolved, so a closed
-- ticket needs resolved_at only when it was not merged.
ALTER TABLE tickets ADD COLUMN merged_into_id uuid NULL;
ALTER TABLE tickets
    ADD CONSTRAINT tickets_merged_into FOREIGN KEY (org_id, merged_into_id) REFERENCES tickets (org_id, id),
    ADD CONSTRAINT tickets_merged_closed CHECK (merged_into_id IS NULL OR status = 'closed'),
    ADD CONSTRAINT tickets_merged_elsewhere CHECK (merged_into_id <> id),
    DROP CONSTRAINT tickets_resolved_at,
    ADD CONSTRAINT tickets_resolved_at CHECK (
        status NOT IN ('resolved', 'closed') OR resolved_at IS NOT NULL OR merged_into_id IS NOT NULL);
-- The duplicates of a ticket, for its thread.
CREATE INDEX tickets_merged_into ON tickets (org_id, merged_into_id) WHERE merged_into_id IS NOT NULL;
COMMENT ON COLUMN tickets.merged_into_id IS
    'The ticket of the same organisation this duplicate was merged into; the duplicate is closed.';

-- Saved views ------------------------------------------------------------------------------
-- A person's saved queue filters: their own, or shared with the whole desk. A global table
-- (a view belongs to a person, not to an organisation; its filters may name any organisation
-- the person sees), with row-level security keyed on the acting person (app.actor_id, set
-- per transaction like the tenant): one reads one's own views and the shared ones, and
-- changes one's own only.
CREATE TABLE saved_views (
    id              uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    owner_person_id uuid        NOT NULL REFERENCES people (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    shared          boolean     NOT NULL DEFAULT false,
    -- {"queue": …, "organisation": …, "status": …, "priority": …, "category": …, "service": …, "text": …}
    filters         jsonb       NOT NULL CHECK (jsonb_typeof(filters) = 'object'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (owner_person_id, name)
);
CREATE INDEX saved_views_shared ON saved_views (name) WHERE shared;
COMMENT ON TABLE saved_views IS
    'Queue filters saved under a name by a person of the desk; shared ones (by county admins) are seen by the whole desk.';

ALTER TABLE saved_views ENABLE ROW LEVEL SECURITY;
ALTER TABLE saved_views FORCE ROW LEVEL SECURITY;
CREATE POLICY saved_views_read ON saved_views FOR SELECT TO backoffice_app, backoffice_county
    USING (shared OR owner_person_id = (SELECT NULLIF(current_setting('app.actor_id', true), '')::uuid));
CREATE POLICY saved_views_own ON saved_views FOR ALL TO backoffice_app, backoffice_county
    USING (owner_person_id = (SELECT NULLIF(current_setting('app.actor_id', true), '')::uuid))
    WITH CHECK (owner_person_id = (SELECT NULLIF(current_setting('app.actor_id', true), '')::uuid));
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_views TO backoffice_app, backoffice_county;

-- Reporting: the merge link ------------------------------------------------------------------
GRANT SELECT (merged_into_id) ON tickets TO backoffice_reporting_views;

CREATE OR REPLACE VIEW reporting.ticket_facts WITH (security_barrier = true) AS
SELECT t.id                     AS ticket_id,
       o.code || '-' || t.number AS reference,
       o.code                   AS org_code,
       r.code                   AS region_code,
       t.category,
       t.channel,
       t.priority,
       t.status,
       sv.code                  AS service_code,
       t.reporter_kind,
       t.created_at,
       date_trunc('month', t.created_at AT TIME ZONE 'Europe/Helsinki')::date AS created_month,
       t.first_response_at,
       t.first_response_due_at,
       t.resolved_at,
       t.resolution_due_at,
       t.closed_at,
       t.first_response_minutes,
       t.resolution_minutes,
       CASE WHEN t.first_response_at IS NOT NULL THEN t.first_response_at <= t.first_response_due_at
            WHEN now() > t.first_response_due_at THEN false
       END                      AS first_response_met,
       CASE WHEN t.resolved_at IS NOT NULL THEN t.resolved_at <= t.resolution_due_at
            WHEN now() > t.resolution_due_at THEN false
       END                      AS resolution_met,
       t.merged_into_id         AS merged_into_ticket_id,
       o.code || '-' || m.number AS merged_into_reference
FROM tickets t
JOIN organisations o ON o.id = t.org_id
LEFT JOIN regions r ON r.id = o.region_id
LEFT JOIN omaolo_services sv ON sv.id = t.service_id
LEFT JOIN tickets m ON m.org_id = t.org_id AND m.id = t.merged_into_id;
COMMENT ON COLUMN reporting.ticket_facts.merged_into_ticket_id IS
    'The ticket this one was merged into as a duplicate (it is then closed, never resolved); NULL if not merged. Leave merged duplicates out of SLA figures with WHERE merged_into_ticket_id IS NULL.';
COMMENT ON COLUMN reporting.ticket_facts.merged_into_reference IS
    'The reference of the ticket this one was merged into, e.g. OULU-TK-42; NULL if not merged.';
