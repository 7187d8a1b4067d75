-- 0018: creating, changing and dropping a reporting login is recorded in the audit log.
-- The owner's connection does that work (it may create roles) and writes the audit entry in
-- the same transaction after SET LOCAL ROLE backoffice_county, whose policies admit it: row
-- level security stays forced on the audit log, for the owner too. The owner, who owns every
-- table anyway, becomes a member of backoffice_county for that.
DO $member$
BEGIN
    IF NOT pg_catalog.pg_has_role(current_user, 'backoffice_county', 'MEMBER') THEN
        GRANT backoffice_county TO CURRENT_USER;
    END IF;
END
$member$;
