-- 0024: who may do what, told to every server process (issue 14).
--
--   * access_changed(): a statement trigger that sends NOTIFY backoffice_access with the
--     table's name, on every change that can change what a bearer token or an
--     organisation code stands for: token revocation and expiry, people's activity and
--     e-mail, county and organisation role grants, memberships, organisations. The servers
--     keep principals and organisation codes in memory while they LISTEN to the channel and
--     drop them on each notification (a notification is sent at commit, so a rolled-back
--     change sends none). Marking a token used (last_used_at) notifies no one.

CREATE FUNCTION public.access_changed() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    PERFORM pg_notify('backoffice_access', TG_TABLE_NAME);
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION public.access_changed() IS
    'NOTIFY backoffice_access: what a token or an organisation code stands for may have changed (0024).';

CREATE TRIGGER api_tokens_access_changed AFTER UPDATE OF person_id, token_hash, expires_at, revoked_at OR DELETE
    ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION access_changed();
CREATE TRIGGER people_access_changed AFTER UPDATE OF email, active OR DELETE
    ON people FOR EACH STATEMENT EXECUTE FUNCTION access_changed();
CREATE TRIGGER county_role_grants_access_changed AFTER INSERT OR UPDATE OR DELETE
    ON county_role_grants FOR EACH STATEMENT EXECUTE FUNCTION access_changed();
CREATE TRIGGER org_role_grants_access_changed AFTER INSERT OR UPDATE OR DELETE
    ON org_role_grants FOR EACH STATEMENT EXECUTE FUNCTION access_changed();
CREATE TRIGGER org_members_access_changed AFTER INSERT OR UPDATE OR DELETE
    ON org_members FOR EACH STATEMENT EXECUTE FUNCTION access_changed();
CREATE TRIGGER organisations_access_changed AFTER UPDATE OR DELETE
    ON organisations FOR EACH STATEMENT EXECUTE FUNCTION access_changed();
