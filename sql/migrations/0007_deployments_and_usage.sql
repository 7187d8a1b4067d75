-- 0007: deployments (käyttöönotot) and monthly usage statistics.
-- usage_imports is global (one CSV file may cover many organisations); the rest are tenant
-- tables (rules in 0004). deployment_events is append-only.

-- One record per imported CSV file.
CREATE TABLE usage_imports (
    id          uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    imported_by uuid        NOT NULL REFERENCES people (id),
    imported_at timestamptz NOT NULL DEFAULT now(),
    file_name   text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    file_sha256 text        NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    row_count   integer     NOT NULL CHECK (row_count >= 0),
    -- the months the file replaced (first days of months)
    months      date[]      NOT NULL DEFAULT '{}'
                CHECK (array_position(months, NULL) IS NULL)
);
CREATE INDEX usage_imports_imported_at ON usage_imports (imported_at);

-- The deployment of one service in one organisation:
-- planned -> piloting -> live <-> paused, any -> retired.
CREATE TABLE deployments (
    org_id          uuid        NOT NULL REFERENCES organisations (id),
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    service_id      uuid        NOT NULL REFERENCES omaolo_services (id),
    status          text        NOT NULL DEFAULT 'planned'
                    CHECK (status IN ('planned', 'piloting', 'live', 'paused', 'retired')),
    planned_start   date        NULL,
    live_since      date        NULL,
    retired_on      date        NULL,
    -- the member responsible (e.g. the Omaolo contact)
    owner_person_id uuid        NULL,
    version         integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, service_id),
    FOREIGN KEY (org_id, owner_person_id) REFERENCES org_members (org_id, person_id),
    CONSTRAINT deployments_retired_on CHECK ((status = 'retired') = (retired_on IS NOT NULL)),
    CONSTRAINT deployments_live_since CHECK (status NOT IN ('live', 'paused') OR live_since IS NOT NULL)
);
CREATE INDEX deployments_status ON deployments (org_id, status);

-- Deployment history. Append-only.
CREATE TABLE deployment_events (
    org_id          uuid        NOT NULL REFERENCES organisations (id),
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    deployment_id   uuid        NOT NULL,
    at              timestamptz NOT NULL DEFAULT now(),
    actor_person_id uuid        NULL REFERENCES people (id),
    -- NULL when the deployment is created
    from_status     text        NULL
                    CHECK (from_status IN ('planned', 'piloting', 'live', 'paused', 'retired')),
    to_status       text        NOT NULL
                    CHECK (to_status IN ('planned', 'piloting', 'live', 'paused', 'retired')),
    note            text        NULL CHECK (length(note) BETWEEN 1 AND 2000),
    interface       text        NOT NULL CHECK (interface IN ('cli', 'http', 'web', 'system')),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, deployment_id) REFERENCES deployments (org_id, id)
);
CREATE INDEX deployment_events_deployment ON deployment_events (org_id, deployment_id, at);

CREATE TRIGGER deployment_events_append_only BEFORE UPDATE OR DELETE ON deployment_events
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER deployment_events_no_truncate BEFORE TRUNCATE ON deployment_events
    FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

-- Monthly usage per organisation and service, from CSV imports. Re-importing a month
-- replaces its rows (DELETE + COPY/INSERT in one transaction).
CREATE TABLE usage_monthly (
    org_id     uuid    NOT NULL REFERENCES organisations (id),
    service_id uuid    NOT NULL REFERENCES omaolo_services (id),
    -- the first day of the month
    month      date    NOT NULL CHECK (month = date_trunc('month', month)::date),
    started    integer NOT NULL CHECK (started >= 0),
    completed  integer NOT NULL CHECK (completed >= 0),
    -- forwarded to a professional
    forwarded  integer NOT NULL CHECK (forwarded >= 0),
    import_id  uuid    NOT NULL REFERENCES usage_imports (id),
    PRIMARY KEY (org_id, service_id, month)
);
CREATE INDEX usage_monthly_month ON usage_monthly (org_id, month);
