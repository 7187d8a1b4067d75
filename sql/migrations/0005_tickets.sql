-- 0005: tickets (tukipyynnöt) and what hangs on them. Tenant tables (rules in 0004).
--
-- Append-only here: ticket_comments, ticket_events, access_log (SELECT/INSERT only for the
-- app, plus forbid_change() triggers).

-- Gapless ticket numbers per organisation. Take the next number inside the ticket's own
-- transaction:
--   INSERT INTO ticket_counters (org_id, last_number) VALUES ($1, 1)
--   ON CONFLICT (org_id) DO UPDATE SET last_number = ticket_counters.last_number + 1
--   RETURNING last_number;
-- The row lock serialises creates within one organisation only; a rollback gives the
-- number back, so there are no gaps.
CREATE TABLE ticket_counters (
    org_id      uuid   NOT NULL REFERENCES organisations (id) PRIMARY KEY,
    last_number bigint NOT NULL DEFAULT 0 CHECK (last_number >= 0)
);

CREATE TABLE tickets (
    org_id                uuid        NOT NULL REFERENCES organisations (id),
    id                    uuid        NOT NULL DEFAULT gen_random_uuid(),
    -- shown as <organisation code>-<number>, e.g. OULU-TK-42
    number                bigint      NOT NULL CHECK (number > 0),
    subject               text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    description           text        NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
    category              text        NOT NULL
                          CHECK (category IN ('login_and_access', 'symptom_assessment_content',
                                              'service_configuration', 'technical_fault',
                                              'training_request', 'data_protection',
                                              'feature_request', 'other')),
    channel               text        NOT NULL CHECK (channel IN ('phone', 'email', 'web', 'chat', 'in_person')),
    priority              text        NOT NULL DEFAULT 'normal'
                          CHECK (priority IN ('critical', 'high', 'normal', 'low')),
    service_id            uuid        NULL REFERENCES omaolo_services (id),
    -- a professional of the organisation (reporter_person_id set), or a resident whose
    -- minimal contact details live only in ticket_resident_contacts
    reporter_kind         text        NOT NULL CHECK (reporter_kind IN ('professional', 'resident')),
    reporter_person_id    uuid        NULL,
    -- assignees are often county support agents, who are not members: a global reference
    assignee_person_id    uuid        NULL REFERENCES people (id),
    status                text        NOT NULL DEFAULT 'new'
                          CHECK (status IN ('new', 'open', 'waiting', 'resolved', 'closed')),
    -- optimistic concurrency: UPDATE ... SET version = version + 1 WHERE ... AND version = $n
    version               integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    -- SLA: due times are stored (moved by paused time) so queues sort and filter by index
    first_response_at     timestamptz NULL,
    first_response_due_at timestamptz NOT NULL,
    resolution_due_at     timestamptz NOT NULL,
    resolved_at           timestamptz NULL,
    closed_at             timestamptz NULL,
    waiting_since         timestamptz NULL,
    paused_minutes        integer     NOT NULL DEFAULT 0 CHECK (paused_minutes >= 0),
    -- Finnish stemming: 'kirjautuminen' finds 'kirjautumisessa'
    search_vector         tsvector    GENERATED ALWAYS AS (
                              to_tsvector('finnish', coalesce(subject, '') || ' ' || coalesce(description, ''))
                          ) STORED,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, number),
    FOREIGN KEY (org_id, reporter_person_id) REFERENCES org_members (org_id, person_id),
    CONSTRAINT tickets_reporter CHECK (
        (reporter_kind = 'professional' AND reporter_person_id IS NOT NULL)
        OR (reporter_kind = 'resident' AND reporter_person_id IS NULL)),
    CONSTRAINT tickets_waiting_since CHECK ((status = 'waiting') = (waiting_since IS NOT NULL)),
    CONSTRAINT tickets_resolved_at CHECK (status NOT IN ('resolved', 'closed') OR resolved_at IS NOT NULL),
    CONSTRAINT tickets_closed_at CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
-- queues: by status ordered by due time; mine / unassigned; newest first (keyset on
-- (created_at, id)); breaching first response
CREATE INDEX tickets_status_due ON tickets (org_id, status, resolution_due_at);
CREATE INDEX tickets_assignee ON tickets (org_id, assignee_person_id, status);
CREATE INDEX tickets_created ON tickets (org_id, created_at, id);
CREATE INDEX tickets_first_response_due ON tickets (org_id, first_response_due_at)
    WHERE first_response_at IS NULL;
-- full-text search; btree_gin lets the GIN index lead with org_id
CREATE INDEX tickets_search ON tickets USING gin (org_id, search_vector);

-- finnish_search_query(text): the query side of ticket and comment search.
-- The Snowball Finnish stemmer gives different stems to a word's base form and its
-- inflected forms ('kirjautuminen' -> kirjautumin, 'kirjautumisessa' -> kirjautumis;
-- 'tulostin' -> tulost, 'tulostimen' -> tulostim), so a plain websearch_to_tsquery misses
-- them. This parses the query like websearch_to_tsquery('finnish', ...) and turns every
-- lexeme of 5 or more characters into a prefix match on all but its last character
-- ('kirjautumi':*). Phrases ("..."), OR and -negation keep working.
-- Use it through a sub-select so it runs once per query, also in generic plans:
--   WHERE org_id = $1 AND search_vector @@ (SELECT finnish_search_query($2))
CREATE FUNCTION public.finnish_search_query(query text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
SELECT coalesce(
           string_agg(
               CASE
                   WHEN t.m[1] IS NULL THEN t.m[2]                     -- operators, spaces
                   WHEN char_length(t.m[1]) >= 5
                        AND strpos(t.m[1], '''') = 0 AND strpos(t.m[1], '\') = 0
                       THEN '''' || left(t.m[1], -1) || ''':*'
                   ELSE '''' || t.m[1] || ''''
               END, '' ORDER BY t.n),
           '')::pg_catalog.tsquery
FROM pg_catalog.regexp_matches(
         pg_catalog.websearch_to_tsquery('pg_catalog.finnish', query)::text,
         '''((?:[^'']|'''')*)''|([^'']+)', 'g') WITH ORDINALITY AS t(m, n)
$fn$;
COMMENT ON FUNCTION public.finnish_search_query(text) IS
    'websearch_to_tsquery(''finnish'', q) with each lexeme of 5+ characters widened to a prefix of all but its last character, so base and inflected Finnish forms find each other.';

-- A resident reporter's contact details: the only place residents' personal data lives.
-- Anonymised (all three set to NULL, anonymised_at set) by the retention job.
CREATE TABLE ticket_resident_contacts (
    org_id        uuid        NOT NULL REFERENCES organisations (id),
    ticket_id     uuid        NOT NULL,
    name          text        NULL CHECK (length(name) BETWEEN 1 AND 200),
    email         text        NULL CHECK (length(email) BETWEEN 3 AND 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    phone         text        NULL CHECK (phone ~ '^\+?[0-9][0-9 ()-]{3,38}[0-9]$'),
    created_at    timestamptz NOT NULL DEFAULT now(),
    anonymised_at timestamptz NULL,
    PRIMARY KEY (org_id, ticket_id),
    FOREIGN KEY (org_id, ticket_id) REFERENCES tickets (org_id, id) ON DELETE CASCADE,
    CONSTRAINT ticket_resident_contacts_minimal CHECK (
        (anonymised_at IS NULL AND name IS NOT NULL AND (email IS NOT NULL OR phone IS NOT NULL))
        OR (anonymised_at IS NOT NULL AND name IS NULL AND email IS NULL AND phone IS NULL))
);

-- Comments: public (the reporter sees them) or internal. Append-only.
CREATE TABLE ticket_comments (
    org_id           uuid        NOT NULL REFERENCES organisations (id),
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    ticket_id        uuid        NOT NULL,
    author_person_id uuid        NOT NULL REFERENCES people (id),
    visibility       text        NOT NULL CHECK (visibility IN ('public', 'internal')),
    body             text        NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    created_at       timestamptz NOT NULL DEFAULT now(),
    search_vector    tsvector    GENERATED ALWAYS AS (to_tsvector('finnish', coalesce(body, ''))) STORED,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, ticket_id) REFERENCES tickets (org_id, id)
);
CREATE INDEX ticket_comments_ticket ON ticket_comments (org_id, ticket_id, created_at);
CREATE INDEX ticket_comments_search ON ticket_comments USING gin (org_id, search_vector);

-- Ticket history: every change, who, when, from what to what, through which interface.
CREATE TABLE ticket_events (
    org_id          uuid        NOT NULL REFERENCES organisations (id),
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    ticket_id       uuid        NOT NULL,
    at              timestamptz NOT NULL DEFAULT now(),
    -- NULL = the system (SLA or retention jobs)
    actor_person_id uuid        NULL REFERENCES people (id),
    -- e.g. created, status_changed, assigned, priority_changed, commented (snake_case)
    kind            text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*$' AND length(kind) <= 64),
    -- {"field": {"from": ..., "to": ...}, ...}
    changes         jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(changes) = 'object'),
    interface       text        NOT NULL CHECK (interface IN ('cli', 'http', 'web', 'system')),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, ticket_id) REFERENCES tickets (org_id, id)
);
CREATE INDEX ticket_events_ticket ON ticket_events (org_id, ticket_id, at);

-- Idempotency-Key of ticket creates: the same key returns the same ticket; the same key
-- with another body (request_sha256 differs) is refused.
CREATE TABLE idempotency_keys (
    org_id         uuid        NOT NULL REFERENCES organisations (id),
    key            text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_sha256 text        NOT NULL CHECK (request_sha256 ~ '^[0-9a-f]{64}$'),
    ticket_id      uuid        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, key),
    FOREIGN KEY (org_id, ticket_id) REFERENCES tickets (org_id, id)
);
-- for expiring old keys
CREATE INDEX idempotency_keys_created ON idempotency_keys (org_id, created_at);

-- Every read of a resident's contact details (asiakastietolaki 703/2023). Append-only.
CREATE TABLE access_log (
    org_id          uuid        NOT NULL REFERENCES organisations (id),
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    at              timestamptz NOT NULL DEFAULT now(),
    actor_person_id uuid        NOT NULL REFERENCES people (id),
    ticket_id       uuid        NOT NULL,
    interface       text        NOT NULL CHECK (interface IN ('cli', 'http', 'web', 'system')),
    purpose         text        NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, ticket_id) REFERENCES tickets (org_id, id)
);
CREATE INDEX access_log_ticket ON access_log (org_id, ticket_id, at);

CREATE TRIGGER ticket_comments_append_only BEFORE UPDATE OR DELETE ON ticket_comments
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER ticket_comments_no_truncate BEFORE TRUNCATE ON ticket_comments
    FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
CREATE TRIGGER ticket_events_append_only BEFORE UPDATE OR DELETE ON ticket_events
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER ticket_events_no_truncate BEFORE TRUNCATE ON ticket_events
    FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
