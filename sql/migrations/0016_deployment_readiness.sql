-- 0016: training readiness gates a deployment (issue 13).
--
--   * omaolo_services.readiness_threshold: the share (percent) of an organisation's
--     professionals and Omaolo contacts who must hold every required course before the
--     service goes live there; 80 unless a county admin sets another.
--   * service_required_courses (global): the courses the users of a service must hold.
--   * training_courses.waiver_counts: whether a waived task counts as holding the course.
--   * deployments.override_*: a county admin's reasoned override of the gate; the deployment
--     shows as `live (override)` while its readiness stays below the threshold.
--   * public.deployment_readiness (security_invoker): readiness per deployment and required
--     course, computed in one statement; the app reads it in the tenant or the county scope.
--   * reporting.deployment_readiness: the same per organisation, service and required course,
--     without names, for reporting logins (their scope through the _reporting policies).

ALTER TABLE omaolo_services
    ADD COLUMN readiness_threshold integer NOT NULL DEFAULT 80 CHECK (readiness_threshold BETWEEN 0 AND 100);
COMMENT ON COLUMN omaolo_services.readiness_threshold IS
    'Percent of the organisation''s professionals and Omaolo contacts who must hold every required course before the service may go live.';

ALTER TABLE training_courses
    ADD COLUMN waiver_counts boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN training_courses.waiver_counts IS
    'Whether a waived task counts as holding the course (e.g. equivalent training elsewhere); otherwise only a valid completion does.';

-- Which courses a service's users must hold. A requirement of a whole family is stored per
-- service of the family (the CLI and API expand it), so every row names one service.
CREATE TABLE service_required_courses (
    service_id uuid        NOT NULL REFERENCES omaolo_services (id),
    course_id  uuid        NOT NULL REFERENCES training_courses (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, course_id)
);
CREATE INDEX service_required_courses_course ON service_required_courses (course_id);
COMMENT ON TABLE service_required_courses IS
    'The training courses the users of an Omaolo service must hold; kept by county admins.';

-- The catalogue that exists: every service needs the Omaolo induction, every symptom
-- assessment the course on handling them (where those courses are in the catalogue).
INSERT INTO service_required_courses (service_id, course_id)
SELECT s.id, c.id
FROM omaolo_services s
JOIN training_courses c
  ON c.code = 'omaolo_perehdytys' OR (c.code = 'oirearvioiden_kasittely' AND s.family = 'symptom_assessment')
ON CONFLICT DO NOTHING;

ALTER TABLE deployments
    ADD COLUMN override_reason text        NULL CHECK (length(override_reason) BETWEEN 20 AND 2000),
    ADD COLUMN overridden_by   uuid        NULL REFERENCES people (id),
    ADD COLUMN overridden_at   timestamptz NULL,
    ADD CONSTRAINT deployments_override CHECK (
        (override_reason IS NULL) = (overridden_at IS NULL) AND (overridden_by IS NULL OR override_reason IS NOT NULL));
COMMENT ON COLUMN deployments.override_reason IS
    'Set when a county admin moved the deployment past the readiness gate; cleared by the next status change.';

-- The history keeps each override with its move.
ALTER TABLE deployment_events
    ADD COLUMN override_reason text NULL CHECK (length(override_reason) BETWEEN 20 AND 2000);

-- Live and piloting deployments: "which organisations run this service" for the role grant's
-- training, and the county's at-risk list.
CREATE INDEX deployments_service_status ON deployments (org_id, service_id, status);

GRANT SELECT, INSERT, UPDATE, DELETE ON service_required_courses TO backoffice_app, backoffice_county;

-- The readiness views, from one template: public.deployment_readiness for the app
-- (security_invoker: the caller's tenant or county policies apply) and
-- reporting.deployment_readiness_base for the reporting view (a definer view of
-- backoffice_reporting_views, whose _reporting policies give each login its scope; an invoker
-- view inside a definer view would be checked as the login itself, which reads no table).
--
-- Per deployment (retired ones left out) and required course (NULL when the service requires
-- none): the people in scope (members holding `professional` or `omaolo_contact` today), how
-- many hold every required course, the Omaolo contacts and how many of them do, whether the
-- owner does, and per course how many people in scope lack it and how many of those have an
-- open task for it. A person holds a course with a completion not yet expired (expires_on
-- after today, Europe/Helsinki) or a waived task of a course whose waiver counts. Set-based
-- (hash joins over the organisation's people and tasks, no per-row subqueries), and an
-- `org_id = $1` on the view reaches every part of it, so one organisation reads its own rows.
DO $views$
DECLARE
    body constant text := $body$
SELECT x.org_id,
       x.deployment_id,
       x.service_id,
       x.status,
       x.threshold_pct,
       x.course_id,
       count(*) FILTER (WHERE x.in_scope)::integer                                   AS people,
       count(*) FILTER (WHERE x.in_scope AND x.fully_trained)::integer               AS fully_trained,
       count(*) FILTER (WHERE x.contact)::integer                                    AS contacts,
       count(*) FILTER (WHERE x.contact AND x.fully_trained)::integer                AS contacts_trained,
       coalesce(bool_or(x.owner AND x.fully_trained), false)                         AS owner_trained,
       count(*) FILTER (WHERE x.in_scope AND NOT x.trained)::integer                 AS lacking,
       count(*) FILTER (WHERE x.in_scope AND NOT x.trained AND x.open_task)::integer AS lacking_with_open_task
FROM (
    SELECT d.org_id, d.id AS deployment_id, d.service_id, d.status, s.readiness_threshold AS threshold_pct,
           r.course_id, q.person_id, q.in_scope, q.contact, q.person_id = d.owner_person_id AS owner,
           r.course_id IS NULL OR held.person_id IS NOT NULL AS trained,
           open.person_id IS NOT NULL AS open_task,
           bool_and(r.course_id IS NULL OR held.person_id IS NOT NULL)
               OVER (PARTITION BY d.org_id, d.id, q.person_id) AS fully_trained
    FROM public.deployments d
    JOIN public.omaolo_services s ON s.id = d.service_id
    LEFT JOIN (public.service_required_courses r JOIN public.training_courses rc ON rc.id = r.course_id AND rc.active)
           ON r.service_id = d.service_id
    -- the people in scope of each organisation, and each deployment's owner when not one of them
    LEFT JOIN (
        SELECT g.org_id, g.person_id, NULL::uuid AS deployment_id, true AS in_scope,
               bool_or(g.role = 'omaolo_contact') AS contact
        FROM public.org_role_grants g
        JOIN public.org_members m ON m.org_id = g.org_id AND m.person_id = g.person_id AND m.active
        WHERE g.role IN ('professional', 'omaolo_contact') AND g.revoked_at IS NULL
          AND g.valid_from <= now() AND (g.valid_until IS NULL OR g.valid_until > now())
        GROUP BY g.org_id, g.person_id
        UNION ALL
        SELECT o.org_id, o.owner_person_id, o.id, false, false
        FROM public.deployments o
        WHERE o.owner_person_id IS NOT NULL
          AND NOT EXISTS (SELECT FROM public.org_role_grants g
                          WHERE g.org_id = o.org_id AND g.person_id = o.owner_person_id
                            AND g.role IN ('professional', 'omaolo_contact') AND g.revoked_at IS NULL
                            AND g.valid_from <= now() AND (g.valid_until IS NULL OR g.valid_until > now()))
    ) q ON q.org_id = d.org_id AND (q.deployment_id IS NULL OR q.deployment_id = d.id)
    -- who holds which course
    LEFT JOIN (
        SELECT DISTINCT t.org_id, t.person_id, t.course_id
        FROM public.training_tasks t
        JOIN public.training_courses c ON c.id = t.course_id
        WHERE (t.status = 'completed' AND (t.expires_on IS NULL OR t.expires_on > (now() AT TIME ZONE 'Europe/Helsinki')::date))
           OR (t.status = 'waived' AND c.waiver_counts)
    ) held ON held.org_id = d.org_id AND held.person_id = q.person_id AND held.course_id = r.course_id
    -- who has an open task of which course
    LEFT JOIN (
        SELECT DISTINCT t.org_id, t.person_id, t.course_id
        FROM public.training_tasks t
        WHERE t.status IN ('assigned', 'in_progress')
    ) open ON open.org_id = d.org_id AND open.person_id = q.person_id AND open.course_id = r.course_id
    WHERE d.status <> 'retired'
) x
GROUP BY x.org_id, x.deployment_id, x.service_id, x.status, x.threshold_pct, x.course_id
$body$;
BEGIN
    EXECUTE format('CREATE VIEW public.deployment_readiness WITH (security_invoker = true) AS %s', body);
    EXECUTE format('CREATE VIEW reporting.deployment_readiness_base WITH (security_barrier = true) AS %s', body);
END
$views$;
COMMENT ON VIEW public.deployment_readiness IS
    'Readiness of each deployment that is not retired, per required course (course_id NULL when the service requires none); see 0016.';

-- What the reporting views' owner reads for it: counts only leave the views, but the person
-- columns are needed to count people once. No names, e-mails or person ids come out.
-- (0014 granted omaolo_services whole and the other columns of these tables already.)
GRANT SELECT (waiver_counts) ON training_courses TO backoffice_reporting_views;
GRANT SELECT ON service_required_courses TO backoffice_reporting_views;
GRANT SELECT (owner_person_id) ON deployments TO backoffice_reporting_views;
GRANT SELECT (person_id) ON training_tasks TO backoffice_reporting_views;
GRANT SELECT (org_id, person_id, role, valid_from, valid_until, revoked_at) ON org_role_grants TO backoffice_reporting_views;
GRANT SELECT (org_id, person_id, active) ON org_members TO backoffice_reporting_views;
GRANT SELECT ON public.deployment_readiness TO backoffice_app, backoffice_county;

-- The _reporting policies of the two tables it reads besides 0014's, with the expression of
-- 0014's (read from tickets_reporting, so there is one definition of a login's scope).
DO $policies$
DECLARE
    t text;
    scope constant text := (SELECT qual FROM pg_catalog.pg_policies
                            WHERE schemaname = 'public' AND tablename = 'tickets' AND policyname = 'tickets_reporting');
BEGIN
    FOREACH t IN ARRAY ARRAY['org_role_grants', 'org_members'] LOOP
        EXECUTE format('CREATE POLICY %I ON public.%I FOR ALL TO backoffice_reporting_views USING (%s) WITH CHECK (false)',
                       t || '_reporting', t, scope);
    END LOOP;
END
$policies$;

CREATE VIEW reporting.deployment_readiness WITH (security_barrier = true) AS
SELECT rg.code            AS region_code,
       o.code             AS org_code,
       s.code             AS service_code,
       b.status           AS deployment_status,
       c.code             AS course_code,
       b.people           AS people_in_scope,
       b.fully_trained    AS people_fully_trained,
       round(100.0 * b.fully_trained / NULLIF(b.people, 0), 1) AS readiness_pct,
       b.threshold_pct,
       b.people > 0 AND b.fully_trained * 100 >= b.threshold_pct * b.people AS meets_threshold,
       b.contacts         AS contacts_in_scope,
       b.contacts_trained,
       b.owner_trained,
       b.lacking          AS lacking_course,
       b.lacking_with_open_task
FROM reporting.deployment_readiness_base b
JOIN organisations o ON o.id = b.org_id
LEFT JOIN regions rg ON rg.id = o.region_id
JOIN omaolo_services s ON s.id = b.service_id
LEFT JOIN training_courses c ON c.id = b.course_id;
COMMENT ON VIEW reporting.deployment_readiness IS
    'Training readiness of each deployment that is not retired, per organisation, service and required course: the share of the organisation''s professionals and Omaolo contacts who hold every required course. Counts only.';
COMMENT ON COLUMN reporting.deployment_readiness.region_code IS 'Region code.';
COMMENT ON COLUMN reporting.deployment_readiness.org_code IS 'Organisation code.';
COMMENT ON COLUMN reporting.deployment_readiness.service_code IS 'Omaolo service code.';
COMMENT ON COLUMN reporting.deployment_readiness.deployment_status IS 'planned, piloting, live or paused.';
COMMENT ON COLUMN reporting.deployment_readiness.course_code IS 'A course the service requires; NULL on the one row of a service that requires none.';
COMMENT ON COLUMN reporting.deployment_readiness.people_in_scope IS 'Members holding the professional or omaolo_contact role today.';
COMMENT ON COLUMN reporting.deployment_readiness.people_fully_trained IS 'Of them, those holding every required course (a valid completion, or a waiver where the course counts it).';
COMMENT ON COLUMN reporting.deployment_readiness.readiness_pct IS 'people_fully_trained as a percentage of people_in_scope, one decimal.';
COMMENT ON COLUMN reporting.deployment_readiness.threshold_pct IS 'The service''s readiness threshold, percent.';
COMMENT ON COLUMN reporting.deployment_readiness.meets_threshold IS 'Whether readiness is at or above the threshold (false when nobody is in scope).';
COMMENT ON COLUMN reporting.deployment_readiness.contacts_in_scope IS 'Members holding the omaolo_contact role today.';
COMMENT ON COLUMN reporting.deployment_readiness.contacts_trained IS 'Of them, those holding every required course.';
COMMENT ON COLUMN reporting.deployment_readiness.owner_trained IS 'Whether the deployment''s owner holds every required course.';
COMMENT ON COLUMN reporting.deployment_readiness.lacking_course IS 'People in scope without a valid completion of this course.';
COMMENT ON COLUMN reporting.deployment_readiness.lacking_with_open_task IS 'Of those, the ones with an open (assigned or in progress) task for it.';

GRANT CREATE ON SCHEMA reporting TO backoffice_reporting_views;
ALTER VIEW reporting.deployment_readiness_base OWNER TO backoffice_reporting_views;
ALTER VIEW reporting.deployment_readiness OWNER TO backoffice_reporting_views;
REVOKE CREATE ON SCHEMA reporting FROM backoffice_reporting_views;
-- The logins read the report, not the ids of its base.
REVOKE ALL ON reporting.deployment_readiness_base FROM backoffice_reporting;
GRANT SELECT ON reporting.deployment_readiness TO backoffice_reporting;
