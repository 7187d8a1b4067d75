-- Loads a desk's worth of tickets, set-based, for the queue benchmark (`make bench-http`) and
-- the queue plan tests (QueuePlanTests): `bench.organisations` organisations LOAD-01, LOAD-02, …
-- of their own and `bench.tickets` tickets spread evenly over them, with
--   * statuses as a desk has them: 5 % new, 5 % open, 5 % waiting, 15 % resolved, 70 % closed,
--     the unresolved falling due around now, the rest in the past;
--   * 1 in 6 matching 'kirjautuminen': 1 in 12 by subject, 1 in 12 only by a comment;
--   * a comment on every other ticket, a quarter of them internal;
--   * a third of the tickets assigned to the person `bench.person` (an e-mail), who also
--     writes the comments; a third with an Omaolo service.
-- Run as the schema owner (a member of backoffice_county), with the three settings made:
--   SELECT set_config('bench.organisations', '20', false), set_config('bench.tickets', '1000000', false),
--          set_config('bench.person', 'x@example.fi', false);
-- then ANALYZE (and VACUUM, for index-only scans) as the owner.
BEGIN;
SET LOCAL ROLE backoffice_county;

INSERT INTO regions (code, name) VALUES ('kuormitus', 'Kuormitustesti') ON CONFLICT (code) DO NOTHING;
INSERT INTO organisations (code, name, region_id, kind)
SELECT format('LOAD-%s', to_char(o, 'FM00')), format('Kuormitusorganisaatio %s', o), r.id, 'health_centre'
FROM generate_series(1, current_setting('bench.organisations')::int) o, regions r
WHERE r.code = 'kuormitus';

CREATE TEMPORARY TABLE load_orgs ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY code) - 1 AS slot, id FROM organisations WHERE code LIKE 'LOAD-%';

CREATE TEMPORARY TABLE load_rows ON COMMIT DROP AS
-- k: the ticket's place in its organisation; h: a hash of n, for attributes independent of
-- the organisation, the status and each other
SELECT *, CASE WHEN k % 2 = 0 THEN CASE WHEN k % 12 = 6 THEN format('Asukkaalla on ongelmia kirjautumisessa (kohta%s).', h % 151)
             ELSE format('Pyysimme asukkaalta lisätietoja: kohta%s, vaihe%s.', h % 151, h / 151 % 109) END END AS comment
FROM (SELECT n, n % current_setting('bench.organisations')::int AS slot, n / current_setting('bench.organisations')::int AS k,
             (n / current_setting('bench.organisations')::int) % 20 AS mix, abs(hashint8(n)::bigint) AS h,
             now() - ((current_setting('bench.tickets')::bigint - n) * interval '1 minute') AS created_at
      FROM generate_series(0, current_setting('bench.tickets')::bigint - 1) n) numbered;

INSERT INTO tickets (org_id, number, subject, description, category, channel, priority, service_id, reporter_kind,
                     assignee_person_id, status, created_at, updated_at, first_response_at, first_response_minutes,
                     first_response_due_at, resolution_due_at, resolved_at, resolution_minutes, closed_at, waiting_since,
                     comment_words)
SELECT o.id, l.k + 1,
       CASE WHEN l.k % 12 = 0 THEN 'Kirjautuminen ei onnistu'
            ELSE (ARRAY['Tulostin ei tulosta', 'Oirearvio jumittuu', 'Palvelun asetukset', 'Koulutuspyyntö',
                        'Tietosuojakysymys', 'Uusi ominaisuus', 'Sivu latautuu hitaasti'])[1 + l.h % 7] END,
       -- a vocabulary as wide as a desk's, so that ANALYZE keeps 100+ common words and the planner
       -- estimates prefix searches from them (with fewer it assumes 2 % for any prefix)
       format('Asukas soitti tukeen: aihe%s, laite%s (rivi %s).', l.n % 157, (l.n / 157) % 113, l.n),
       (ARRAY['login_and_access', 'symptom_assessment_content', 'service_configuration', 'technical_fault',
              'training_request', 'data_protection', 'feature_request', 'other'])[1 + l.h / 7 % 8],
       (ARRAY['phone', 'email', 'web', 'chat', 'in_person'])[1 + l.h / 56 % 5],
       (ARRAY['critical', 'high', 'normal', 'normal', 'low'])[1 + l.h / 280 % 5],
       CASE WHEN l.h / 1400 % 3 = 0 THEN (SELECT id FROM omaolo_services ORDER BY code LIMIT 1 OFFSET l.h / 4200 % 5) END,
       'resident',
       CASE WHEN l.h / 21000 % 3 = 1 THEN (SELECT id FROM people WHERE email = current_setting('bench.person')) END,
       s.status, l.created_at, l.created_at,
       CASE WHEN s.status <> 'new' THEN l.created_at + interval '1 hour' END,
       CASE WHEN s.status <> 'new' THEN 60 END,
       s.due - interval '2 days', s.due,
       CASE WHEN s.status IN ('resolved', 'closed') THEN s.due - interval '1 day' END,
       CASE WHEN s.status IN ('resolved', 'closed') THEN 600 END,
       CASE WHEN s.status = 'closed' THEN s.due END,
       CASE WHEN s.status = 'waiting' THEN now() - interval '1 hour' END,
       coalesce(to_tsvector('finnish', l.comment), '')
FROM load_rows l
JOIN load_orgs o USING (slot)
CROSS JOIN LATERAL (
    SELECT CASE WHEN l.mix = 0 THEN 'new' WHEN l.mix = 1 THEN 'open' WHEN l.mix = 2 THEN 'waiting'
                WHEN l.mix < 6 THEN 'resolved' ELSE 'closed' END AS status,
           CASE WHEN l.mix < 3 THEN now() + (l.h % 200 - 50) * interval '1 hour'
                ELSE l.created_at + interval '3 days' END AS due
) s;

INSERT INTO ticket_counters (org_id, last_number)
SELECT o.id, max(t.number) FROM load_orgs o JOIN tickets t ON t.org_id = o.id GROUP BY o.id;

-- The tickets got their comments' words above, set-based: the trigger that keeps them (0025)
-- would update every commented ticket once more, which takes most of a million's load.
RESET ROLE;
ALTER TABLE ticket_comments DISABLE TRIGGER ticket_comments_words;
SET LOCAL ROLE backoffice_county;
INSERT INTO ticket_comments (org_id, ticket_id, author_person_id, visibility, body, created_at)
SELECT t.org_id, t.id, p.id, CASE WHEN l.h / 7 % 4 = 3 THEN 'internal' ELSE 'public' END, l.comment,
       t.created_at + interval '2 hours'
FROM load_rows l
JOIN load_orgs o USING (slot)
JOIN tickets t ON t.org_id = o.id AND t.number = l.k + 1
CROSS JOIN people p
WHERE l.comment IS NOT NULL AND p.email = current_setting('bench.person');
RESET ROLE;
ALTER TABLE ticket_comments ENABLE TRIGGER ticket_comments_words;
COMMIT;
