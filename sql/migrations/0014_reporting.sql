-- 0014: the reporting schema: stable views for IT management's reporting logins, the access
-- table that gives each login its scope, and the functions that create and drop the logins.
--
-- THE DESIGN, AND WHY THESE VIEWS ARE NOT security_invoker
--
-- The rules are: a reporting login reads nothing outside `reporting`, writes nothing, and sees
-- the organisations of its own scope, which comes from `current_user` through an access table,
-- never from a setting it could change. A `security_invoker` view checks privileges and row
-- level security as the querying login, so that login would need SELECT on tickets,
-- training_tasks, … themselves: it could then read those tables directly (subjects,
-- descriptions, people) and the first rule would be broken. So the reporting views here are
-- ordinary (definer) views, and the definer is a role made for nothing else:
--
--   backoffice_reporting_views  NOLOGIN, no members but the migration login (which needs the
--                               membership to create and replace the views). It owns the
--                               views, has SELECT on exactly the base tables and columns they
--                               read (no subject, no description, no resident contacts, no
--                               person ids) and no other privilege.
--   backoffice_reporting        the group role of the logins (0001): USAGE on `reporting` and
--                               SELECT on its views; nothing else anywhere.
--   <login>                     LOGIN INHERIT, member of backoffice_reporting only; its scope
--                               is its rows in reporting.login_scopes.
--
-- Row level security stays forced on every tenant table. The tenant tables the views read get
-- a third policy, <table>_reporting, TO backoffice_reporting_views, keyed on current_user.
-- Inside a definer view the privileges and policies are the owner's, but current_user is
-- still the login that queries (tested in ReportingIsolationTests), so the owner's policy
-- admits exactly the organisations of that login's scope:
--
--   (SELECT bool_or(county) FROM reporting.login_scopes WHERE login = current_user)
--   OR org_id = ANY (ARRAY(SELECT org_id FROM reporting.login_scopes
--                          WHERE login = current_user AND NOT county))
--
-- Both sub-selects are uncorrelated (InitPlans: read once per query, and org_id = ANY (…)
-- can use the org_id-leading indexes). app.org_id is not read at all, so no setting a login
-- may change widens or moves its scope; SET ROLE backoffice_reporting makes current_user a
-- role without a scope: no rows. The policies are FOR ALL with WITH CHECK (false): the view
-- owner has no write privilege anyway, and even with one could write nothing.
--
-- Global tables (organisations, regions, the catalogues) have no RLS (they are shared
-- registers), so the views that list organisations without tenant rows (my_scope,
-- deployment_coverage) filter them through the login's scope themselves. All views are
-- security_barrier, so a login's own functions (a temporary function can be made by anyone
-- with TEMP on the database) are never run on rows the view filters out.
--
-- No view carries residents' personal data: no contact details, no subject, description or
-- comment text, no person ids; the view owner is not even granted those columns.

-- Roles ------------------------------------------------------------------------------------

DO $roles$
DECLARE
    r pg_catalog.pg_roles%ROWTYPE;
BEGIN
    SELECT * INTO r FROM pg_catalog.pg_roles WHERE rolname = 'backoffice_reporting_views';
    IF NOT FOUND THEN
        CREATE ROLE backoffice_reporting_views
            NOLOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    ELSIF r.rolcanlogin OR r.rolinherit OR r.rolcreatedb OR r.rolcreaterole THEN
        ALTER ROLE backoffice_reporting_views NOLOGIN NOINHERIT NOCREATEDB NOCREATEROLE;
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles
               WHERE rolname = 'backoffice_reporting_views'
                 AND (rolsuper OR rolbypassrls OR rolreplication)) THEN
        RAISE EXCEPTION 'backoffice_reporting_views must not be SUPERUSER, BYPASSRLS or REPLICATION';
    END IF;
    -- The migration login must be able to make it the owner of the views (and replace them in
    -- later migrations). Nobody else is a member.
    IF NOT pg_catalog.pg_has_role(current_user, 'backoffice_reporting_views', 'MEMBER') THEN
        GRANT backoffice_reporting_views TO CURRENT_USER;
    END IF;
END
$roles$;

GRANT USAGE ON SCHEMA public, reporting TO backoffice_reporting_views;
-- Only while this migration hands the views over (ALTER ... OWNER needs it); revoked below.
GRANT CREATE ON SCHEMA reporting TO backoffice_reporting_views;

-- The access table -------------------------------------------------------------------------

CREATE TABLE reporting.login_scopes (
    -- the PostgreSQL login (a role that is a member of backoffice_reporting)
    login      name        NOT NULL CHECK (login ~ '^[a-z][a-z0-9_]{2,62}$'),
    -- one organisation of the login's scope, or NULL on the single row of a county login
    org_id     uuid        NULL REFERENCES organisations (id),
    county     boolean     NOT NULL DEFAULT false,
    granted_at timestamptz NOT NULL DEFAULT now(),
    -- the login that granted it (the owner's connection), for the record
    granted_by name        NOT NULL DEFAULT current_user,
    CONSTRAINT login_scopes_kind CHECK (county = (org_id IS NULL)),
    CONSTRAINT login_scopes_unique UNIQUE NULLS NOT DISTINCT (login, org_id)
);
COMMENT ON TABLE reporting.login_scopes IS
    'The scope of each reporting login: one row per organisation, or one county row (org_id NULL) for every organisation. Read by the _reporting policies through current_user; reporting logins cannot read it (see reporting.my_scope).';

-- The default privileges of 0001 gave backoffice_reporting SELECT on it: the logins see their
-- own scope through reporting.my_scope only.
REVOKE ALL ON reporting.login_scopes FROM backoffice_reporting;
GRANT SELECT ON reporting.login_scopes TO backoffice_reporting_views;

-- What the view owner may read: exactly the columns the views need.
GRANT SELECT ON regions, organisations, omaolo_services TO backoffice_reporting_views;
GRANT SELECT (id, code, title, active) ON training_courses TO backoffice_reporting_views;
GRANT SELECT (org_id, id, number, category, channel, priority, service_id, reporter_kind, status,
              created_at, first_response_at, first_response_due_at, resolution_due_at,
              resolved_at, closed_at, first_response_minutes, resolution_minutes)
    ON tickets TO backoffice_reporting_views;
GRANT SELECT (org_id, id, course_id, status, due_date, completed_on, expires_on, renewal_of)
    ON training_tasks TO backoffice_reporting_views;
GRANT SELECT (org_id, id, service_id, status, live_since, retired_on)
    ON deployments TO backoffice_reporting_views;
GRANT SELECT (org_id, service_id, month, started, completed, forwarded)
    ON usage_monthly TO backoffice_reporting_views;

-- Policies: the view owner sees the rows of the querying login's scope -------------------------

-- One policy per tenant table the views read, <table>_reporting, all with this expression:
DO $policies$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['tickets', 'training_tasks', 'deployments', 'usage_monthly'] LOOP
        EXECUTE format($p$
            CREATE POLICY %I ON public.%I FOR ALL TO backoffice_reporting_views
                USING ((SELECT bool_or(s.county) FROM reporting.login_scopes s WHERE s.login = current_user)
                       OR org_id = ANY (ARRAY(SELECT s.org_id FROM reporting.login_scopes s
                                              WHERE s.login = current_user AND NOT s.county)))
                WITH CHECK (false)
            $p$, t || '_reporting', t);
    END LOOP;
END
$policies$;

-- Views ------------------------------------------------------------------------------------
-- Months and "today" are those of Europe/Helsinki, like the support calendar.

CREATE VIEW reporting.my_scope WITH (security_barrier = true) AS
SELECT o.id                AS org_id,
       o.code              AS org_code,
       o.name              AS org_name,
       o.kind              AS org_kind,
       r.code              AS region_code,
       r.name              AS region_name,
       o.population_served AS population_served,
       s.county            AS county_scope
FROM reporting.login_scopes s
JOIN organisations o ON s.county OR o.id = s.org_id
LEFT JOIN regions r ON r.id = o.region_id
WHERE s.login = current_user;
COMMENT ON VIEW reporting.my_scope IS
    'The organisations the querying login may report on: its own rows of reporting.login_scopes (every organisation for a county login).';
COMMENT ON COLUMN reporting.my_scope.org_id IS 'The organisation''s id.';
COMMENT ON COLUMN reporting.my_scope.org_code IS 'The organisation''s code, e.g. OULU-TK.';
COMMENT ON COLUMN reporting.my_scope.org_name IS 'The organisation''s name.';
COMMENT ON COLUMN reporting.my_scope.org_kind IS 'county, health_centre, social_services, oral_health, hospital or other.';
COMMENT ON COLUMN reporting.my_scope.region_code IS 'The region''s code (NULL for the county itself).';
COMMENT ON COLUMN reporting.my_scope.region_name IS 'The region''s name.';
COMMENT ON COLUMN reporting.my_scope.population_served IS 'Residents the organisation serves.';
COMMENT ON COLUMN reporting.my_scope.county_scope IS 'true when the login reports on the whole county.';

CREATE VIEW reporting.ticket_facts WITH (security_barrier = true) AS
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
       END                      AS resolution_met
FROM tickets t
JOIN organisations o ON o.id = t.org_id
LEFT JOIN regions r ON r.id = o.region_id
LEFT JOIN omaolo_services sv ON sv.id = t.service_id;
COMMENT ON VIEW reporting.ticket_facts IS
    'One row per ticket: what it was about, how it came in, and how its SLA went. No subject, description, comments or reporter.';
COMMENT ON COLUMN reporting.ticket_facts.ticket_id IS 'The ticket''s id.';
COMMENT ON COLUMN reporting.ticket_facts.reference IS 'The human reference, <org code>-<number>, e.g. OULU-TK-42.';
COMMENT ON COLUMN reporting.ticket_facts.org_code IS 'Code of the organisation the ticket belongs to.';
COMMENT ON COLUMN reporting.ticket_facts.region_code IS 'Code of the organisation''s region (NULL for the county itself).';
COMMENT ON COLUMN reporting.ticket_facts.category IS 'login_and_access, symptom_assessment_content, service_configuration, technical_fault, training_request, data_protection, feature_request or other.';
COMMENT ON COLUMN reporting.ticket_facts.channel IS 'phone, email, web, chat or in_person.';
COMMENT ON COLUMN reporting.ticket_facts.priority IS 'critical, high, normal or low.';
COMMENT ON COLUMN reporting.ticket_facts.status IS 'new, open, waiting, resolved or closed.';
COMMENT ON COLUMN reporting.ticket_facts.service_code IS 'Code of the Omaolo service concerned, if any.';
COMMENT ON COLUMN reporting.ticket_facts.reporter_kind IS 'professional or resident (who the reporter is is not shown).';
COMMENT ON COLUMN reporting.ticket_facts.created_at IS 'When the ticket was logged.';
COMMENT ON COLUMN reporting.ticket_facts.created_month IS 'First day of the month (Europe/Helsinki) the ticket was logged in.';
COMMENT ON COLUMN reporting.ticket_facts.first_response_at IS 'When the support side first responded; NULL before that.';
COMMENT ON COLUMN reporting.ticket_facts.first_response_due_at IS 'First response due time, moved by waiting time.';
COMMENT ON COLUMN reporting.ticket_facts.resolved_at IS 'When the ticket was resolved; NULL while unresolved (cleared on reopening).';
COMMENT ON COLUMN reporting.ticket_facts.resolution_due_at IS 'Resolution due time, moved by waiting time.';
COMMENT ON COLUMN reporting.ticket_facts.closed_at IS 'When the ticket was closed.';
COMMENT ON COLUMN reporting.ticket_facts.first_response_minutes IS 'Business minutes (support calendar) from logging to the first response, waiting excluded.';
COMMENT ON COLUMN reporting.ticket_facts.resolution_minutes IS 'Business minutes from logging to resolution, waiting excluded; NULL while unresolved.';
COMMENT ON COLUMN reporting.ticket_facts.first_response_met IS 'first_response_at <= first_response_due_at; false when still unanswered past the due time; NULL when unanswered and not yet due.';
COMMENT ON COLUMN reporting.ticket_facts.resolution_met IS 'resolved_at <= resolution_due_at; false when still unresolved past the due time; NULL when unresolved and not yet due.';

CREATE VIEW reporting.tickets_monthly WITH (security_barrier = true) AS
WITH events AS (
    SELECT f.region_code, f.org_code, f.created_month AS month,
           1 AS opened, 0 AS resolved, NULL::boolean AS first_response_met,
           NULL::boolean AS resolution_met, NULL::integer AS resolution_minutes
    FROM reporting.ticket_facts f
    UNION ALL
    SELECT f.region_code, f.org_code,
           date_trunc('month', f.first_response_at AT TIME ZONE 'Europe/Helsinki')::date,
           0, 0, f.first_response_met, NULL, NULL
    FROM reporting.ticket_facts f
    WHERE f.first_response_at IS NOT NULL
    UNION ALL
    SELECT f.region_code, f.org_code,
           date_trunc('month', f.resolved_at AT TIME ZONE 'Europe/Helsinki')::date,
           0, 1, NULL, f.resolution_met, f.resolution_minutes
    FROM reporting.ticket_facts f
    WHERE f.resolved_at IS NOT NULL
)
SELECT e.region_code,
       e.org_code,
       e.month,
       sum(e.opened)::integer   AS opened,
       sum(e.resolved)::integer AS resolved,
       count(e.first_response_met)::integer AS first_responses,
       round(100.0 * count(*) FILTER (WHERE e.first_response_met)
             / NULLIF(count(e.first_response_met), 0), 1) AS first_response_met_pct,
       round(100.0 * count(*) FILTER (WHERE e.resolution_met)
             / NULLIF(count(e.resolution_met), 0), 1) AS resolution_met_pct,
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY e.resolution_minutes) / 60.0)::numeric, 1)
           AS median_resolution_hours
FROM events e
GROUP BY e.region_code, e.org_code, e.month;
COMMENT ON VIEW reporting.tickets_monthly IS
    'Tickets per region, organisation and month (Europe/Helsinki): each ticket counts in the month it was opened, the month of its first response and the month it was resolved.';
COMMENT ON COLUMN reporting.tickets_monthly.region_code IS 'Region code.';
COMMENT ON COLUMN reporting.tickets_monthly.org_code IS 'Organisation code.';
COMMENT ON COLUMN reporting.tickets_monthly.month IS 'First day of the month.';
COMMENT ON COLUMN reporting.tickets_monthly.opened IS 'Tickets logged in the month.';
COMMENT ON COLUMN reporting.tickets_monthly.resolved IS 'Tickets resolved in the month (whenever they were logged).';
COMMENT ON COLUMN reporting.tickets_monthly.first_responses IS 'First responses given in the month.';
COMMENT ON COLUMN reporting.tickets_monthly.first_response_met_pct IS 'Of the first responses given in the month, the percentage given by the due time (one decimal); NULL when none.';
COMMENT ON COLUMN reporting.tickets_monthly.resolution_met_pct IS 'Of the tickets resolved in the month, the percentage resolved by the due time (one decimal); NULL when none.';
COMMENT ON COLUMN reporting.tickets_monthly.median_resolution_hours IS 'Median of resolution_minutes / 60 (business hours, waiting excluded) of the tickets resolved in the month, one decimal.';

CREATE VIEW reporting.training_progress WITH (security_barrier = true) AS
WITH today AS (SELECT (now() AT TIME ZONE 'Europe/Helsinki')::date AS d),
current_tasks AS (
    -- a completion that a renewal task replaced counts no more: the renewal does
    SELECT t.org_id, t.course_id, t.status, t.due_date, t.expires_on
    FROM training_tasks t
    WHERE NOT EXISTS (SELECT FROM training_tasks n
                      WHERE n.org_id = t.org_id AND n.renewal_of = t.id)
)
SELECT r.code  AS region_code,
       o.code  AS org_code,
       c.code  AS course_code,
       c.title AS course_title,
       count(*)::integer AS tasks,
       count(*) FILTER (WHERE t.status = 'assigned')::integer    AS assigned,
       count(*) FILTER (WHERE t.status = 'in_progress')::integer AS in_progress,
       count(*) FILTER (WHERE t.status = 'completed')::integer   AS completed,
       count(*) FILTER (WHERE t.status = 'waived')::integer      AS waived,
       count(*) FILTER (WHERE t.status IN ('assigned', 'in_progress') AND t.due_date < today.d)::integer
           AS overdue,
       count(*) FILTER (WHERE t.status = 'completed' AND t.expires_on >= today.d
                          AND t.expires_on < today.d + 30)::integer AS expiring_within_30_days,
       count(*) FILTER (WHERE t.status = 'completed' AND t.expires_on < today.d)::integer AS expired,
       round(100.0 * count(*) FILTER (WHERE t.status = 'completed'
                                        AND (t.expires_on IS NULL OR t.expires_on >= today.d))
             / NULLIF(count(*) FILTER (WHERE t.status <> 'waived'), 0), 1) AS completion_pct
FROM current_tasks t
CROSS JOIN today
JOIN organisations o ON o.id = t.org_id
LEFT JOIN regions r ON r.id = o.region_id
JOIN training_courses c ON c.id = t.course_id
GROUP BY r.code, o.code, c.code, c.title;
COMMENT ON VIEW reporting.training_progress IS
    'Training per region, organisation and course: the current task of each assignment (a renewed completion is replaced by its renewal task) by status.';
COMMENT ON COLUMN reporting.training_progress.region_code IS 'Region code.';
COMMENT ON COLUMN reporting.training_progress.org_code IS 'Organisation code.';
COMMENT ON COLUMN reporting.training_progress.course_code IS 'Course code.';
COMMENT ON COLUMN reporting.training_progress.course_title IS 'Course title.';
COMMENT ON COLUMN reporting.training_progress.tasks IS 'Current tasks, all statuses.';
COMMENT ON COLUMN reporting.training_progress.assigned IS 'Tasks assigned, not started.';
COMMENT ON COLUMN reporting.training_progress.in_progress IS 'Tasks in progress.';
COMMENT ON COLUMN reporting.training_progress.completed IS 'Tasks completed (including expired completions).';
COMMENT ON COLUMN reporting.training_progress.waived IS 'Tasks waived.';
COMMENT ON COLUMN reporting.training_progress.overdue IS 'Assigned or in-progress tasks past their due date.';
COMMENT ON COLUMN reporting.training_progress.expiring_within_30_days IS 'Completions that expire within the next 30 days.';
COMMENT ON COLUMN reporting.training_progress.expired IS 'Completions that have expired and are not yet renewed.';
COMMENT ON COLUMN reporting.training_progress.completion_pct IS 'Valid (unexpired) completions as a percentage of the tasks that are not waived, one decimal.';

-- Residents: organisations of different kinds (a health centre, the social services and the
-- oral health unit of one town) serve the same residents, so populations are summed per kind
-- of organisation and the largest sum is taken (see docs/reporting.md).
CREATE VIEW reporting.deployment_coverage WITH (security_barrier = true) AS
WITH per_kind AS (
    SELECT ms.region_code, s.id AS service_id, ms.org_kind,
           count(*) FILTER (WHERE d.status = 'live')     AS live,
           count(*) FILTER (WHERE d.status = 'piloting') AS piloting,
           count(*)                                      AS organisations,
           coalesce(sum(ms.population_served) FILTER (WHERE d.status = 'live'), 0) AS covered,
           sum(ms.population_served)                     AS population
    FROM reporting.my_scope ms
    JOIN organisations o ON o.id = ms.org_id AND o.active
    CROSS JOIN omaolo_services s
    LEFT JOIN deployments d ON d.org_id = ms.org_id AND d.service_id = s.id
    WHERE ms.org_kind <> 'county' AND s.active
    GROUP BY ms.region_code, s.id, ms.org_kind
)
SELECT k.region_code,
       s.code    AS service_code,
       s.family  AS service_family,
       s.name_fi AS service_name_fi,
       sum(k.live)::integer          AS organisations_live,
       sum(k.piloting)::integer      AS organisations_piloting,
       sum(k.organisations)::integer AS organisations_total,
       max(k.covered)::bigint        AS population_covered,
       max(k.population)::bigint     AS population_total,
       round(100.0 * max(k.covered) / NULLIF(max(k.population), 0), 1) AS population_covered_pct
FROM per_kind k
JOIN omaolo_services s ON s.id = k.service_id
GROUP BY k.region_code, s.code, s.family, s.name_fi;
COMMENT ON VIEW reporting.deployment_coverage IS
    'Per region and active Omaolo service: how many of the active organisations in scope have it live, and the residents they serve.';
COMMENT ON COLUMN reporting.deployment_coverage.region_code IS 'Region code.';
COMMENT ON COLUMN reporting.deployment_coverage.service_code IS 'Omaolo service code.';
COMMENT ON COLUMN reporting.deployment_coverage.service_family IS 'symptom_assessment, service_assessment, health_check, wellbeing_check, periodic_check, coaching or own_plan.';
COMMENT ON COLUMN reporting.deployment_coverage.service_name_fi IS 'The service''s Finnish name.';
COMMENT ON COLUMN reporting.deployment_coverage.organisations_live IS 'Organisations whose deployment of the service is live (paused ones are not).';
COMMENT ON COLUMN reporting.deployment_coverage.organisations_piloting IS 'Organisations piloting the service.';
COMMENT ON COLUMN reporting.deployment_coverage.organisations_total IS 'Active organisations of the region in scope, whether or not they deploy it.';
COMMENT ON COLUMN reporting.deployment_coverage.population_covered IS 'Residents served by the organisations where it is live: population_served summed per kind of organisation, the largest sum.';
COMMENT ON COLUMN reporting.deployment_coverage.population_total IS 'Residents of the region in scope: population_served of the active organisations summed per kind of organisation, the largest sum.';
COMMENT ON COLUMN reporting.deployment_coverage.population_covered_pct IS 'population_covered as a percentage of population_total, one decimal.';

CREATE VIEW reporting.usage_monthly WITH (security_barrier = true) AS
SELECT r.code  AS region_code,
       o.code  AS org_code,
       s.code  AS service_code,
       u.month,
       u.started,
       u.completed,
       u.forwarded,
       o.population_served,
       round(1000.0 * u.started   / NULLIF(o.population_served, 0), 2) AS started_per_1000,
       round(1000.0 * u.completed / NULLIF(o.population_served, 0), 2) AS completed_per_1000,
       round(1000.0 * u.forwarded / NULLIF(o.population_served, 0), 2) AS forwarded_per_1000
FROM usage_monthly u
JOIN organisations o ON o.id = u.org_id
LEFT JOIN regions r ON r.id = o.region_id
JOIN omaolo_services s ON s.id = u.service_id;
COMMENT ON VIEW reporting.usage_monthly IS
    'Imported Omaolo usage per region, organisation, service and month, also per 1 000 residents the organisation serves.';
COMMENT ON COLUMN reporting.usage_monthly.region_code IS 'Region code.';
COMMENT ON COLUMN reporting.usage_monthly.org_code IS 'Organisation code.';
COMMENT ON COLUMN reporting.usage_monthly.service_code IS 'Omaolo service code.';
COMMENT ON COLUMN reporting.usage_monthly.month IS 'First day of the month.';
COMMENT ON COLUMN reporting.usage_monthly.started IS 'Assessments started.';
COMMENT ON COLUMN reporting.usage_monthly.completed IS 'Assessments completed.';
COMMENT ON COLUMN reporting.usage_monthly.forwarded IS 'Assessments forwarded to a professional.';
COMMENT ON COLUMN reporting.usage_monthly.population_served IS 'Residents the organisation serves (organisations.population_served today).';
COMMENT ON COLUMN reporting.usage_monthly.started_per_1000 IS 'started per 1 000 residents served, two decimals; NULL when the population is 0.';
COMMENT ON COLUMN reporting.usage_monthly.completed_per_1000 IS 'completed per 1 000 residents served, two decimals.';
COMMENT ON COLUMN reporting.usage_monthly.forwarded_per_1000 IS 'forwarded per 1 000 residents served, two decimals.';

CREATE VIEW reporting.usage_region_monthly WITH (security_barrier = true) AS
WITH per_kind AS (
    SELECT ms.region_code, ms.org_kind, sum(ms.population_served) AS population
    FROM reporting.my_scope ms
    JOIN organisations o ON o.id = ms.org_id AND o.active
    WHERE ms.org_kind <> 'county'
    GROUP BY ms.region_code, ms.org_kind
),
region_population AS (
    SELECT k.region_code, max(k.population)::bigint AS population_served
    FROM per_kind k
    GROUP BY k.region_code
)
SELECT u.region_code,
       u.month,
       sum(u.started)::bigint   AS started,
       sum(u.completed)::bigint AS completed,
       sum(u.forwarded)::bigint AS forwarded,
       p.population_served,
       round(1000.0 * sum(u.started)   / NULLIF(p.population_served, 0), 2) AS started_per_1000,
       round(1000.0 * sum(u.completed) / NULLIF(p.population_served, 0), 2) AS completed_per_1000,
       round(1000.0 * sum(u.forwarded) / NULLIF(p.population_served, 0), 2) AS forwarded_per_1000
FROM reporting.usage_monthly u
LEFT JOIN region_population p ON p.region_code = u.region_code
GROUP BY u.region_code, u.month, p.population_served;
COMMENT ON VIEW reporting.usage_region_monthly IS
    'Usage per region and month, all services together, also per 1 000 residents of the region (the organisations in scope).';
COMMENT ON COLUMN reporting.usage_region_monthly.region_code IS 'Region code.';
COMMENT ON COLUMN reporting.usage_region_monthly.month IS 'First day of the month.';
COMMENT ON COLUMN reporting.usage_region_monthly.started IS 'Assessments started, all services.';
COMMENT ON COLUMN reporting.usage_region_monthly.completed IS 'Assessments completed, all services.';
COMMENT ON COLUMN reporting.usage_region_monthly.forwarded IS 'Assessments forwarded to a professional, all services.';
COMMENT ON COLUMN reporting.usage_region_monthly.population_served IS 'Residents of the region in scope: population_served of its active organisations summed per kind of organisation, the largest sum.';
COMMENT ON COLUMN reporting.usage_region_monthly.started_per_1000 IS 'started per 1 000 residents of the region, two decimals.';
COMMENT ON COLUMN reporting.usage_region_monthly.completed_per_1000 IS 'completed per 1 000 residents of the region, two decimals.';
COMMENT ON COLUMN reporting.usage_region_monthly.forwarded_per_1000 IS 'forwarded per 1 000 residents of the region, two decimals.';

-- Hand the views to their owner, let the logins read them, take CREATE back.
ALTER VIEW reporting.my_scope             OWNER TO backoffice_reporting_views;
ALTER VIEW reporting.ticket_facts         OWNER TO backoffice_reporting_views;
ALTER VIEW reporting.tickets_monthly      OWNER TO backoffice_reporting_views;
ALTER VIEW reporting.training_progress    OWNER TO backoffice_reporting_views;
ALTER VIEW reporting.deployment_coverage  OWNER TO backoffice_reporting_views;
ALTER VIEW reporting.usage_monthly        OWNER TO backoffice_reporting_views;
ALTER VIEW reporting.usage_region_monthly OWNER TO backoffice_reporting_views;
REVOKE CREATE ON SCHEMA reporting FROM backoffice_reporting_views;
GRANT SELECT ON reporting.my_scope, reporting.ticket_facts, reporting.tickets_monthly,
    reporting.training_progress, reporting.deployment_coverage, reporting.usage_monthly,
    reporting.usage_region_monthly
    TO backoffice_reporting;

-- Creating and dropping logins -------------------------------------------------------------
-- Run by the owner's connection (`backoffice reporting grant-login`), which has CREATEROLE.
-- Not SECURITY DEFINER; not executable by PUBLIC (the default privileges of 0001). Role names
-- cannot be bound parameters, so the name is checked against a strict pattern here (and in
-- the app) and quoted with format('%I'); the password arrives as a SCRAM verifier, so no
-- clear-text password reaches the server or its log.

CREATE FUNCTION public.reporting_grant_login(
    login text, password_verifier text, org_codes text[], county boolean
) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public
AS $fn$
DECLARE
    role_row pg_catalog.pg_roles%ROWTYPE;
    wanted   uuid[];
    unknown  text;
BEGIN
    IF login IS NULL OR login !~ '^[a-z][a-z0-9_]{2,62}$' OR login ~ '^(pg_|backoffice_)' THEN
        RAISE EXCEPTION 'invalid reporting login name: %', login
            USING ERRCODE = '22023',
                  HINT = '3 to 63 lowercase letters, digits and underscores, starting with a letter, not pg_ or backoffice_';
    END IF;
    IF county IS NULL OR county = (coalesce(cardinality(org_codes), 0) > 0) THEN
        RAISE EXCEPTION 'a reporting login has either organisations or the county as its scope'
            USING ERRCODE = '22023';
    END IF;
    IF password_verifier IS NOT NULL AND password_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'the password must arrive as a SCRAM-SHA-256 verifier' USING ERRCODE = '22023';
    END IF;
    IF NOT county THEN
        SELECT string_agg(c, ', ' ORDER BY c) INTO unknown
        FROM unnest(org_codes) AS c
        WHERE NOT EXISTS (SELECT FROM organisations o WHERE o.code = c);
        IF unknown IS NOT NULL THEN
            RAISE EXCEPTION 'unknown organisation: %', unknown USING ERRCODE = '22023';
        END IF;
        SELECT array_agg(DISTINCT o.id) INTO wanted FROM organisations o WHERE o.code = ANY (org_codes);
    END IF;

    SELECT * INTO role_row FROM pg_catalog.pg_roles WHERE rolname = login;
    IF FOUND THEN
        -- Only a login this database made for reporting is changed; any other role is refused.
        IF NOT EXISTS (SELECT FROM reporting.login_scopes s WHERE s.login = reporting_grant_login.login)
           OR NOT pg_catalog.pg_has_role(login, 'backoffice_reporting', 'MEMBER') THEN
            RAISE EXCEPTION 'role % exists and is not a reporting login of this database', login
                USING ERRCODE = '42710';
        END IF;
        IF password_verifier IS NOT NULL THEN
            EXECUTE format('ALTER ROLE %I PASSWORD %L', login, password_verifier);
        END IF;
        DELETE FROM reporting.login_scopes s WHERE s.login = reporting_grant_login.login;
    ELSE
        EXECUTE format(
            'CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L IN ROLE backoffice_reporting',
            login, password_verifier);
    END IF;

    IF county THEN
        INSERT INTO reporting.login_scopes (login, org_id, county) VALUES (login, NULL, true);
    ELSE
        INSERT INTO reporting.login_scopes (login, org_id, county)
        SELECT login, w, false FROM unnest(wanted) AS w;
    END IF;
END
$fn$;
COMMENT ON FUNCTION public.reporting_grant_login(text, text, text[], boolean) IS
    'Creates (or re-scopes) a reporting login: LOGIN INHERIT, member of backoffice_reporting only, with its scope in reporting.login_scopes.';

CREATE FUNCTION public.reporting_revoke_login(login text) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public
AS $fn$
BEGIN
    IF login IS NULL OR login !~ '^[a-z][a-z0-9_]{2,62}$' OR login ~ '^(pg_|backoffice_)' THEN
        RAISE EXCEPTION 'invalid reporting login name: %', login USING ERRCODE = '22023';
    END IF;
    DELETE FROM reporting.login_scopes s WHERE s.login = reporting_revoke_login.login;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = login)
       AND pg_catalog.pg_has_role(login, 'backoffice_reporting', 'MEMBER') THEN
        EXECUTE format('DROP ROLE %I', login);
    END IF;
    RETURN true;
END
$fn$;
COMMENT ON FUNCTION public.reporting_revoke_login(text) IS
    'Drops a reporting login made by reporting_grant_login and its scope; false when there was none.';
