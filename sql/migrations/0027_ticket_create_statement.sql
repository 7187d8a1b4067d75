-- 0027: a ticket is created by one statement that commits with it (issue 14, part 3).
--
-- PostgresTicketStore.create sends the counter, the ticket, its resident contact and its
-- `created` event as one statement in the same pipeline as BEGIN, the tenant and COMMIT, so
-- the organisation's counter row stays locked only while PostgreSQL runs them (no round trip
-- to the server in between). A service code that names no active service must then fail the
-- statement itself, not be found missing afterwards: this function returns the service's id
-- (NULL for no code) or raises no_data_found, which rolls the whole create back.
CREATE FUNCTION public.active_service_id(service_code text) RETURNS uuid
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = public, pg_temp
AS $$
DECLARE
    found uuid;
BEGIN
    IF service_code IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT id INTO found FROM omaolo_services WHERE code = service_code AND active;
    IF found IS NULL THEN
        RAISE EXCEPTION 'no active Omaolo service has the code %', service_code USING ERRCODE = 'no_data_found';
    END IF;
    RETURN found;
END
$$;

GRANT EXECUTE ON FUNCTION active_service_id(text) TO backoffice_app, backoffice_county;
