-- 0025: queues and search whose cost follows the page, not the table (issue 14, part 5).
--
-- Every queue is read per organisation, in its order, from an org_id-leading index (SPEC's
-- schema rule 1); the county-wide queue takes the first page of each organisation through a
-- LATERAL join and merges them (PostgresTicketStore.queue). QueuePlanTests holds each plan.
--
--   order  statuses              index
--   due    new/open/waiting      tickets_unresolved_due (the desk's queues: open, mine,
--                                 unassigned, waiting, breaching)
--   due    any                   tickets_due
--   due    a reporter's own      tickets_reporter_due (a professional's "omat tukipyynnöt")
--   newest any                   tickets_created (0005), read backwards
--   search                       the order's index, filtered by the ticket's words and its
--                                comments' words (a common word), or the two GIN indexes
--                                tickets_search and tickets_comment_search united (a rare
--                                one), whichever the planner finds cheaper for the word
-- The queues run with custom plans (plan_cache_mode), so bound statuses prove the partial
-- index's predicate and a search word's frequency is known to the planner.

-- tickets_due and tickets_unresolved_due serve what tickets_status_due (org_id, status,
-- resolution_due_at) served, in order and with the id as tie-break.
DROP INDEX tickets_status_due;
CREATE INDEX tickets_due ON tickets (org_id, resolution_due_at, id);
CREATE INDEX tickets_unresolved_due ON tickets (org_id, resolution_due_at, id)
    WHERE status IN ('new', 'open', 'waiting');
CREATE INDEX tickets_reporter_due ON tickets (org_id, reporter_person_id, resolution_due_at, id)
    WHERE reporter_person_id IS NOT NULL;

-- JIT compiles plans costed above jit_above_cost; on this workload (short queue reads, counts
-- of the named queues over an index) it only costs time: main's county search at 1 M tickets
-- took 10.0 s with it and 2.6 s without (README, Tenancy in the database). Role settings
-- apply at login, so this covers the county scope too.
ALTER ROLE backoffice_app SET jit = off;

-- The words of a ticket's comments, kept on the ticket (comments are append-only, so words are
-- only ever added): a search tests one row for both its own words and its comments', so
-- the planner can read the queue's index in order for a common word and stop after a page,
-- or unite two GIN scans for a rare one. A semi-join to ticket_comments could do neither
-- well: its estimate is off by the number of organisations (the join key is composite), so
-- it read every matching comment of the scope. A professional's search, which must not see
-- internal comments, still looks in the public comments themselves (their own tickets only).
ALTER TABLE tickets ADD COLUMN comment_words tsvector NOT NULL DEFAULT '';
COMMENT ON COLUMN tickets.comment_words IS
    'to_tsvector(''finnish'', ...) of the ticket''s comments, public and internal; kept by the ticket_comments_words trigger.';
CREATE INDEX tickets_comment_search ON tickets USING gin (org_id, comment_words);

CREATE FUNCTION ticket_comments_words() RETURNS trigger
    LANGUAGE plpgsql
AS $fn$
BEGIN
    UPDATE tickets t SET comment_words = t.comment_words || added.words
    FROM (SELECT org_id, ticket_id, to_tsvector('finnish', string_agg(body, ' ')) AS words
          FROM added_comments GROUP BY org_id, ticket_id) added
    WHERE t.org_id = added.org_id AND t.id = added.ticket_id;
    RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION ticket_comments_words() IS 'Adds the words of inserted comments to their tickets'' comment_words.';
CREATE TRIGGER ticket_comments_words AFTER INSERT ON ticket_comments
    REFERENCING NEW TABLE AS added_comments
    FOR EACH STATEMENT EXECUTE FUNCTION ticket_comments_words();

-- The comments so far, in the county scope (tickets' RLS binds the owner too).
SET LOCAL ROLE backoffice_county;
UPDATE tickets t SET comment_words = added.words
FROM (SELECT org_id, ticket_id, to_tsvector('finnish', string_agg(body, ' ')) AS words
      FROM ticket_comments GROUP BY org_id, ticket_id) added
WHERE t.org_id = added.org_id AND t.id = added.ticket_id;
RESET ROLE;
