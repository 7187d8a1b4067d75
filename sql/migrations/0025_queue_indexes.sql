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
--   search                       the GIN indexes of tickets and of comments (0005), or the
--                                order's index filtered, whichever the planner finds cheaper
--                                for the word
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
-- of the named queues over an index) it only adds 50-500 ms of compilation: see README,
-- Performance. Role settings apply at login, so this covers the county scope too.
ALTER ROLE backoffice_app SET jit = off;
