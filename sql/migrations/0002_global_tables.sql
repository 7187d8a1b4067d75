-- 0002: global data: regions, organisations (the tenants), people, county role grants,
-- API tokens.
--
-- Global tables have NO org_id column and no row level security: they are the county's
-- shared registers (with Citus they would become reference tables). Privileges are granted
-- in 0009.

-- Regions (alue): parts of the county that reports group by.
CREATE TABLE regions (
    id         uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    -- a stable lowercase key, e.g. 'oulu', 'koillismaa', 'jokilaaksot'
    code       text        NOT NULL UNIQUE
               CHECK (code ~ '^[a-z0-9]+(_[a-z0-9]+)*$' AND length(code) BETWEEN 2 AND 40),
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE regions IS 'Regions of the county (alue); reports group by them.';

-- Organisations: the tenants. Every tenant row's org_id points here.
CREATE TABLE organisations (
    id                uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    -- Printed in ticket references (<code>-<n>, e.g. OULU-TK-42), so ASCII only:
    -- uppercase letters and digits in hyphen-separated groups.
    code              text        NOT NULL UNIQUE
                      CHECK (code ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' AND length(code) BETWEEN 2 AND 32),
    name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    region_id         uuid        NULL REFERENCES regions (id),
    kind              text        NOT NULL
                      CHECK (kind IN ('county', 'health_centre', 'social_services',
                                      'oral_health', 'hospital', 'other')),
    population_served integer     NOT NULL DEFAULT 0 CHECK (population_served >= 0),
    active            boolean     NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    -- Only the county itself stands outside the regions.
    CONSTRAINT organisations_region_required CHECK (kind = 'county' OR region_id IS NOT NULL)
);
-- There is one county.
CREATE UNIQUE INDEX organisations_one_county ON organisations (kind) WHERE kind = 'county';
CREATE INDEX organisations_region_id ON organisations (region_id);
COMMENT ON TABLE organisations IS
    'Tenants. The row of kind county is Pohde itself; county-level audit rows use its id as org_id.';
COMMENT ON COLUMN organisations.population_served IS
    'Residents served, for per-1000-residents reports. The county row keeps 0: its residents are counted in its organisations.';

INSERT INTO organisations (code, name, kind, region_id, population_served)
VALUES ('POHDE', 'Pohjois-Pohjanmaan hyvinvointialue', 'county', NULL, 0)
ON CONFLICT (code) DO NOTHING;

-- People: identities of everyone who uses the back office (never residents).
CREATE TABLE people (
    id            uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    email         text        NOT NULL
                  CHECK (length(email) BETWEEN 3 AND 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    full_name     text        NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
    active        boolean     NOT NULL DEFAULT true,
    -- bcrypt hash ($2b$12$...), NULL = cannot log in to the web pages with a password
    password_hash text        NULL CHECK (length(password_hash) BETWEEN 1 AND 255),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
-- E-mail addresses are unique regardless of case; look people up by lower(email).
CREATE UNIQUE INDEX people_email_lower ON people (lower(email));

-- County roles: held by a person, reach every organisation.
CREATE TABLE county_role_grants (
    id            uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    person_id     uuid        NOT NULL REFERENCES people (id),
    role          text        NOT NULL CHECK (role IN ('county_admin', 'support_agent', 'reporter')),
    valid_from    timestamptz NOT NULL DEFAULT now(),
    valid_until   timestamptz NULL,
    reason        text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    -- NULL = granted by the system (the first county_admin, created at set-up)
    granted_by    uuid        NULL REFERENCES people (id),
    granted_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz NULL,
    revoked_by    uuid        NULL REFERENCES people (id),
    revoke_reason text        NULL CHECK (length(revoke_reason) BETWEEN 1 AND 1000),
    CONSTRAINT county_role_grants_window CHECK (valid_until IS NULL OR valid_until > valid_from),
    -- No one grants themselves anything.
    CONSTRAINT county_role_grants_not_self CHECK (granted_by IS NULL OR granted_by <> person_id),
    -- A revoke has a time and a reason; revoked_by may be NULL (the system).
    CONSTRAINT county_role_grants_revoke CHECK (
        (revoked_at IS NULL AND revoked_by IS NULL AND revoke_reason IS NULL)
        OR (revoked_at IS NOT NULL AND revoke_reason IS NOT NULL))
);
CREATE INDEX county_role_grants_person ON county_role_grants (person_id, role);
COMMENT ON TABLE county_role_grants IS
    'County roles. A grant gives its role while valid_from <= now() < coalesce(valid_until, infinity) and revoked_at IS NULL.';

-- API tokens: bearer tokens, stored as SHA-256 of the token (shown to the user once).
CREATE TABLE api_tokens (
    id           uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    person_id    uuid        NOT NULL REFERENCES people (id),
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash   bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NULL,
    last_used_at timestamptz NULL,
    revoked_at   timestamptz NULL,
    CONSTRAINT api_tokens_expiry CHECK (expires_at IS NULL OR expires_at > created_at)
);
CREATE INDEX api_tokens_person ON api_tokens (person_id);
