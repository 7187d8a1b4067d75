-- 0020: the web server's reports read the same reporting views as the reporting logins, in
-- the scope of the person viewing them; tickets per region and month as a view; the share of
-- organisations live in deployment_coverage.
--
--   backoffice_web_reports   NOLOGIN, a member of backoffice_reporting (whose SELECT on the
--                            views it inherits) and nothing else. backoffice_app (NOINHERIT)
--                            may enter it for one transaction with SET LOCAL ROLE, after
--                            setting the viewer's scope for that transaction with
--                            set_config('app.report_scope', …, true): `county`, or the codes
--                            of the organisations separated by spaces (the domain decides it
--                            from the permission matrix; see ReportService).
--
-- The scope of whoever queries a view is now read from reporting.querying_scope: a reporting
-- login's rows of reporting.login_scopes (by current_user, as before), or, only while
-- current_user is backoffice_web_reports, the transaction's app.report_scope. A reporting login
-- that sets app.report_scope changes nothing (current_user is its own name) and cannot become
-- backoffice_web_reports (not a member). Row-level security stays forced everywhere; the
-- _reporting policies and reporting.my_scope read the one definition below.

DO $roles$
DECLARE
    r pg_catalog.pg_roles%ROWTYPE;
BEGIN
    SELECT * INTO r FROM pg_catalog.pg_roles WHERE rolname = 'backoffice_web_reports';
    IF NOT FOUND THEN
        CREATE ROLE backoffice_web_reports
            NOLOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    ELSIF r.rolcanlogin OR NOT r.rolinherit OR r.rolcreatedb OR r.rolcreaterole THEN
        ALTER ROLE backoffice_web_reports NOLOGIN INHERIT NOCREATEDB NOCREATEROLE;
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles
               WHERE rolname = 'backoffice_web_reports' AND (rolsuper OR rolbypassrls OR rolreplication)) THEN
        RAISE EXCEPTION 'backoffice_web_reports must not be SUPERUSER, BYPASSRLS or REPLICATION';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_auth_members
                   WHERE roleid = 'backoffice_reporting'::regrole AND member = 'backoffice_web_reports'::regrole) THEN
        GRANT backoffice_reporting TO backoffice_web_reports;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_auth_members
                   WHERE roleid = 'backoffice_web_reports'::regrole AND member = 'backoffice_app'::regrole) THEN
        GRANT backoffice_web_reports TO backoffice_app;
    END IF;
END
$roles$;

-- The app prepares a report's statement before the transaction enters the role (the
-- statement travels in one pipeline with the scope and SET LOCAL ROLE), and naming a view
-- needs USAGE on its schema. It gives no SELECT: the app itself still reads no view.
GRANT USAGE ON SCHEMA reporting TO backoffice_app;

GRANT CREATE ON SCHEMA reporting TO backoffice_reporting_views;

CREATE VIEW reporting.querying_scope WITH (security_barrier = true) AS
SELECT s.org_id, s.county
FROM reporting.login_scopes s
WHERE s.login = current_user
UNION ALL
SELECT NULL::uuid, true
WHERE current_user = 'backoffice_web_reports'
  AND current_setting('app.report_scope', true) = 'county'
UNION ALL
SELECT o.id, false
FROM organisations o
WHERE current_user = 'backoffice_web_reports'
  AND o.code = ANY (string_to_array(NULLIF(current_setting('app.report_scope', true), 'county'), ' '));
COMMENT ON VIEW reporting.querying_scope IS
    'The scope of whoever queries: a reporting login''s rows of reporting.login_scopes, or for backoffice_web_reports (the web server, SET LOCAL ROLE) the transaction''s app.report_scope. Read by the _reporting policies and reporting.my_scope; not readable by reporting logins.';
ALTER VIEW reporting.querying_scope OWNER TO backoffice_reporting_views;
-- The default privileges of 0001 gave the logins SELECT: they see their scope through my_scope.
REVOKE ALL ON reporting.querying_scope FROM backoffice_reporting;

CREATE OR REPLACE VIEW reporting.my_scope WITH (security_barrier = true) AS
SELECT o.id                AS org_id,
       o.code              AS org_code,
       o.name              AS org_name,
       o.kind              AS org_kind,
       r.code              AS region_code,
       r.name              AS region_name,
       o.population_served AS population_served,
       s.county            AS county_scope
FROM reporting.querying_scope s
JOIN organisations o ON s.county OR o.id = s.org_id
LEFT JOIN regions r ON r.id = o.region_id;

-- Every _reporting policy (0014, 0016) reads the scope from the view above.
DO $policies$
DECLARE
    p record;
BEGIN
    FOR p IN SELECT tablename, policyname FROM pg_catalog.pg_policies
             WHERE schemaname = 'public' AND policyname = tablename || '_reporting' LOOP
        EXECUTE format($q$
            ALTER POLICY %I ON public.%I
                USING ((SELECT bool_or(s.county) FROM reporting.querying_scope s)
                       OR org_id = ANY (ARRAY(SELECT s.org_id FROM reporting.querying_scope s WHERE NOT s.county)))
            $q$, p.policyname, p.tablename);
    END LOOP;
END
$policies$;

CREATE VIEW reporting.tickets_region_monthly WITH (security_barrier = true) AS
WITH events AS (
    SELECT f.region_code, f.created_month AS month,
           1 AS opened, 0 AS resolved, NULL::boolean AS first_response_met,
           NULL::boolean AS resolution_met, NULL::integer AS resolution_minutes
    FROM reporting.ticket_facts f
    UNION ALL
    SELECT f.region_code, date_trunc('month', f.first_response_at AT TIME ZONE 'Europe/Helsinki')::date,
           0, 0, f.first_response_met, NULL, NULL
    FROM reporting.ticket_facts f
    WHERE f.first_response_at IS NOT NULL
    UNION ALL
    SELECT f.region_code, date_trunc('month', f.resolved_at AT TIME ZONE 'Europe/Helsinki')::date,
           0, 1, NULL, f.resolution_met, f.resolution_minutes
    FROM reporting.ticket_facts f
    WHERE f.resolved_at IS NOT NULL
)
SELECT e.region_code,
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
GROUP BY e.region_code, e.month;
COMMENT ON VIEW reporting.tickets_region_monthly IS
    'Tickets per region and month (Europe/Helsinki), the organisations in scope together: counted as in tickets_monthly.';
COMMENT ON COLUMN reporting.tickets_region_monthly.region_code IS 'Region code (NULL for the county''s own organisation).';
COMMENT ON COLUMN reporting.tickets_region_monthly.month IS 'First day of the month.';
COMMENT ON COLUMN reporting.tickets_region_monthly.opened IS 'Tickets logged in the month.';
COMMENT ON COLUMN reporting.tickets_region_monthly.resolved IS 'Tickets resolved in the month (whenever they were logged).';
COMMENT ON COLUMN reporting.tickets_region_monthly.first_responses IS 'First responses given in the month.';
COMMENT ON COLUMN reporting.tickets_region_monthly.first_response_met_pct IS 'Of the first responses given in the month, the percentage given by the due time (one decimal); NULL when none.';
COMMENT ON COLUMN reporting.tickets_region_monthly.resolution_met_pct IS 'Of the tickets resolved in the month, the percentage resolved by the due time (one decimal); NULL when none.';
COMMENT ON COLUMN reporting.tickets_region_monthly.median_resolution_hours IS 'Median of resolution_minutes / 60 (business hours, waiting excluded) of the tickets resolved in the month, one decimal.';
ALTER VIEW reporting.tickets_region_monthly OWNER TO backoffice_reporting_views;
GRANT SELECT ON reporting.tickets_region_monthly TO backoffice_reporting;

-- deployment_coverage gains the share of organisations live (a new last column; the others
-- are as in 0014), which the web page draws.
CREATE OR REPLACE VIEW reporting.deployment_coverage WITH (security_barrier = true) AS
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
       round(100.0 * max(k.covered) / NULLIF(max(k.population), 0), 1) AS population_covered_pct,
       round(100.0 * sum(k.live) / NULLIF(sum(k.organisations), 0), 1) AS organisations_live_pct
FROM per_kind k
JOIN omaolo_services s ON s.id = k.service_id
GROUP BY k.region_code, s.code, s.family, s.name_fi;
COMMENT ON COLUMN reporting.deployment_coverage.organisations_live_pct IS 'organisations_live as a percentage of organisations_total, one decimal.';

REVOKE CREATE ON SCHEMA reporting FROM backoffice_reporting_views;
