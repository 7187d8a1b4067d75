-- 0001: database roles, schemas, extensions and shared trigger functions.
--
-- Runs as the owner login (whoever is current_user; never named here), which must have
-- CREATEROLE and be allowed to CREATE in this database. Roles are cluster-wide, so every
-- role statement is idempotent: a second database in the same cluster migrates cleanly.
--
--   backoffice_app        the server's login. DML only, owns nothing, no BYPASSRLS.
--                         NOINHERIT: it does not silently carry backoffice_county's
--                         privileges or policies; it must `SET LOCAL ROLE backoffice_county`.
--   backoffice_county     NOLOGIN. County-wide work (the county support desk queue, county
--                         reports) runs as this role; its own RLS policies let it see every
--                         organisation. RLS is never switched off.
--   backoffice_reporting  NOLOGIN group role for reporting logins: USAGE on schema
--                         `reporting` and SELECT on what is created there, nothing else.

DO $roles$
DECLARE
    r pg_catalog.pg_roles%ROWTYPE;
BEGIN
    -- backoffice_app ---------------------------------------------------------------------
    SELECT * INTO r FROM pg_catalog.pg_roles WHERE rolname = 'backoffice_app';
    IF NOT FOUND THEN
        CREATE ROLE backoffice_app
            LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    ELSIF r.rolinherit OR NOT r.rolcanlogin OR r.rolcreatedb OR r.rolcreaterole THEN
        -- Only attributes a CREATEROLE (non-superuser) owner may change; SUPERUSER,
        -- REPLICATION and BYPASSRLS are checked below instead (changing them needs a superuser).
        ALTER ROLE backoffice_app LOGIN NOINHERIT NOCREATEDB NOCREATEROLE;
    END IF;

    -- backoffice_county ------------------------------------------------------------------
    SELECT * INTO r FROM pg_catalog.pg_roles WHERE rolname = 'backoffice_county';
    IF NOT FOUND THEN
        CREATE ROLE backoffice_county
            NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    ELSIF r.rolcanlogin OR r.rolcreatedb OR r.rolcreaterole THEN
        ALTER ROLE backoffice_county NOLOGIN NOCREATEDB NOCREATEROLE;
    END IF;

    -- backoffice_reporting ---------------------------------------------------------------
    -- A group role: reporting logins are granted it and inherit its privileges.
    SELECT * INTO r FROM pg_catalog.pg_roles WHERE rolname = 'backoffice_reporting';
    IF NOT FOUND THEN
        CREATE ROLE backoffice_reporting
            NOLOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    ELSIF r.rolcanlogin OR r.rolcreatedb OR r.rolcreaterole THEN
        ALTER ROLE backoffice_reporting NOLOGIN NOCREATEDB NOCREATEROLE;
    END IF;

    -- Refuse to go on with roles someone made too powerful.
    IF EXISTS (SELECT FROM pg_catalog.pg_roles
               WHERE rolname IN ('backoffice_app', 'backoffice_county', 'backoffice_reporting')
                 AND (rolsuper OR rolbypassrls OR rolreplication)) THEN
        RAISE EXCEPTION 'backoffice_app, backoffice_county and backoffice_reporting must not be SUPERUSER, BYPASSRLS or REPLICATION'
            USING HINT = 'a superuser must ALTER ROLE ... NOSUPERUSER NOBYPASSRLS NOREPLICATION';
    END IF;

    -- The app may switch to the county role for a transaction (SET LOCAL ROLE). A grant
    -- that already exists would only raise a NOTICE, but keep the log quiet.
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_auth_members
                   WHERE roleid = 'backoffice_county'::regrole
                     AND member = 'backoffice_app'::regrole) THEN
        GRANT backoffice_county TO backoffice_app;
    END IF;
END
$roles$;

-- Schema public: nobody but the roles that need it may even look in.
-- (PostgreSQL 15 already removed CREATE for PUBLIC; this removes USAGE too.)
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO backoffice_app, backoffice_county;

-- Schema reporting: stable views for reporting logins (they come in later migrations).
CREATE SCHEMA IF NOT EXISTS reporting;
REVOKE ALL ON SCHEMA reporting FROM PUBLIC;
GRANT USAGE ON SCHEMA reporting TO backoffice_reporting;
-- Whatever the owner (current_user: the migration login) creates in reporting is readable
-- by the reporting role without a grant per view.
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO backoffice_reporting;

-- Functions the owner creates from now on are not executable by PUBLIC unless granted.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- btree_gin lets a GIN index lead with the uuid org_id: USING gin (org_id, search_vector).
-- It is a trusted extension: a non-superuser with CREATE on the database may create it.
CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public;

-- forbid_change(): attached BEFORE UPDATE OR DELETE (per row) and BEFORE TRUNCATE (per
-- statement) to the append-only tables. The app and county roles have no UPDATE/DELETE
-- privilege there anyway (they get 42501 first); this also stops the owner and anyone
-- granted more later.
CREATE FUNCTION public.forbid_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
AS $fn$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME
        USING ERRCODE = '0A000',   -- feature_not_supported
              DETAIL = format('%s on %s.%s is not allowed', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME),
              HINT = 'record a new row instead of changing or removing one';
END
$fn$;
REVOKE EXECUTE ON FUNCTION public.forbid_change() FROM PUBLIC;
COMMENT ON FUNCTION public.forbid_change() IS
    'Trigger function: refuses UPDATE, DELETE and TRUNCATE on append-only tables.';
