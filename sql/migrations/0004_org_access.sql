-- 0004: organisation membership and organisation roles. Tenant tables.
--
-- The tenant-table rules (followed in every later file too):
--   * org_id uuid NOT NULL REFERENCES organisations (id), first column;
--   * primary key (org_id, id) or (org_id, <natural key>);
--   * every unique constraint and every index leads with org_id;
--   * foreign keys to other tenant tables are composite and include org_id, so a row can
--     never point into another organisation (and Citus can co-locate them);
--   * foreign keys to global tables (people, catalogues) are plain;
--   * RLS enabled and forced, with a _tenant and a _county policy: see 0009.

-- People who belong to an organisation (a person may belong to several).
CREATE TABLE org_members (
    org_id    uuid        NOT NULL REFERENCES organisations (id),
    person_id uuid        NOT NULL REFERENCES people (id),
    added_at  timestamptz NOT NULL DEFAULT now(),
    -- NULL = added by the system (seed, import)
    added_by  uuid        NULL REFERENCES people (id),
    -- members are deactivated, not deleted: tickets, tasks and grants point at them
    active    boolean     NOT NULL DEFAULT true,
    PRIMARY KEY (org_id, person_id)
);

-- Organisation roles: held by a member in one organisation.
CREATE TABLE org_role_grants (
    org_id        uuid        NOT NULL REFERENCES organisations (id),
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    person_id     uuid        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('org_admin', 'omaolo_contact', 'professional')),
    valid_from    timestamptz NOT NULL DEFAULT now(),
    valid_until   timestamptz NULL,
    reason        text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    -- a county_admin is not necessarily a member, hence people and not org_members;
    -- NULL = granted by the system
    granted_by    uuid        NULL REFERENCES people (id),
    granted_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz NULL,
    revoked_by    uuid        NULL REFERENCES people (id),
    revoke_reason text        NULL CHECK (length(revoke_reason) BETWEEN 1 AND 1000),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, person_id) REFERENCES org_members (org_id, person_id),
    CONSTRAINT org_role_grants_window CHECK (valid_until IS NULL OR valid_until > valid_from),
    -- No one grants themselves anything.
    CONSTRAINT org_role_grants_not_self CHECK (granted_by IS NULL OR granted_by <> person_id),
    CONSTRAINT org_role_grants_revoke CHECK (
        (revoked_at IS NULL AND revoked_by IS NULL AND revoke_reason IS NULL)
        OR (revoked_at IS NOT NULL AND revoke_reason IS NOT NULL))
);
-- "What does this person hold here?" and "who holds role X here?" (e.g. the last org_admin).
CREATE INDEX org_role_grants_person ON org_role_grants (org_id, person_id, role);
CREATE INDEX org_role_grants_role ON org_role_grants (org_id, role) WHERE revoked_at IS NULL;
COMMENT ON TABLE org_role_grants IS
    'Organisation roles. A grant gives its role while valid_from <= now() < coalesce(valid_until, infinity) and revoked_at IS NULL.';
