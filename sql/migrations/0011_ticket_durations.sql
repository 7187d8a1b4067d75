-- 0011: how long a ticket took, in business minutes of the support calendar, net of the time
-- it spent waiting. Written by the app when the first response is given and when the ticket
-- is resolved (cleared again on reopening), because the calendar (Finnish public holidays,
-- configurable hours) lives in the domain; reporting reads them as they are.
ALTER TABLE tickets
    ADD COLUMN first_response_minutes integer NULL CHECK (first_response_minutes >= 0),
    ADD COLUMN resolution_minutes     integer NULL CHECK (resolution_minutes >= 0),
    ADD CONSTRAINT tickets_first_response_minutes CHECK ((first_response_at IS NULL) = (first_response_minutes IS NULL)),
    ADD CONSTRAINT tickets_resolution_minutes CHECK ((resolved_at IS NULL) = (resolution_minutes IS NULL));
COMMENT ON COLUMN tickets.first_response_minutes IS 'Business minutes from creation to the first response, waiting time excluded.';
COMMENT ON COLUMN tickets.resolution_minutes IS 'Business minutes from creation to resolution, waiting time excluded; NULL while unresolved.';
