-- 0015: logging in to the web pages: passwords in a table of their own, sessions and failed
-- logins. Global tables like api_tokens (no org_id, no row level security): a credential or a
-- session belongs to a person, not to an organisation. Only the app and county roles reach
-- them; no reporting role or view reads them (the schema rule tests check both).

-- Passwords move out of people, so that nothing that reads people ever carries a hash.
CREATE TABLE person_credentials (
    person_id     uuid        NOT NULL PRIMARY KEY REFERENCES people (id),
    -- bcrypt hash ($2b$12$...)
    password_hash text        NOT NULL CHECK (length(password_hash) BETWEEN 1 AND 255),
    changed_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE person_credentials IS
    'Web login passwords as bcrypt hashes; a person without a row cannot log in with a password.';

INSERT INTO person_credentials (person_id, password_hash)
SELECT id, password_hash FROM people WHERE password_hash IS NOT NULL;

ALTER TABLE people DROP COLUMN password_hash;

-- Sessions of the web pages: the cookie's secret is kept only as its SHA-256.
CREATE TABLE web_sessions (
    id           uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    person_id    uuid        NOT NULL REFERENCES people (id),
    secret_hash  bytea       NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
    -- sent in a hidden field of every form, checked on every request that changes something
    csrf_token   text        NOT NULL CHECK (length(csrf_token) BETWEEN 32 AND 100),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT web_sessions_seen_after_creation CHECK (last_seen_at >= created_at)
);
-- Ending every session of a person (password change, deactivation).
CREATE INDEX web_sessions_person ON web_sessions (person_id);
-- Removing sessions past any absolute expiry.
CREATE INDEX web_sessions_created_at ON web_sessions (created_at);
COMMENT ON TABLE web_sessions IS
    'Web sessions; idle and absolute expiry are checked by the application (SESSION_IDLE_HOURS, SESSION_MAX_HOURS).';

-- Failed logins, counted per e-mail and per client address over a short window to slow
-- down guessing. Rows older than a day are removed whenever a failure is recorded.
CREATE TABLE login_failures (
    id             uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    -- the e-mail as typed, in lowercase (it may belong to no one)
    email          text        NOT NULL CHECK (length(email) <= 254),
    client_address text        NOT NULL CHECK (length(client_address) <= 100),
    at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE INDEX login_failures_client_address ON login_failures (client_address, at);
CREATE INDEX login_failures_at ON login_failures (at);
COMMENT ON TABLE login_failures IS
    'Failed web logins of the last day, for throttling; the audit log keeps the record.';

GRANT SELECT, INSERT, UPDATE ON person_credentials TO backoffice_app, backoffice_county;
GRANT SELECT, INSERT, UPDATE, DELETE ON web_sessions TO backoffice_app, backoffice_county;
GRANT SELECT, INSERT, DELETE ON login_failures TO backoffice_app, backoffice_county;
