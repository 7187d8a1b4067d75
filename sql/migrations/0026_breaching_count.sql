-- 0026: the breaching queue's count costs what a page costs (issue 14).
--
-- The queue page counts each named queue no further than 999 tickets (QueueCount), each
-- organisation from an org_id-leading index (PostgresTicketStore.count). Four of the five
-- queues' conditions are in tickets_unresolved_due or tickets_assignee, so their counts are
-- index-only scans that stop at the cap. "Erääntyy 4 h sisällä" asks for a due time that is not
-- in either (resolution_due_at, or first_response_due_at while first_response_at is NULL): its
-- count read the heap for every new or open ticket it looked at, 12 to 20 ms at 1 M tickets
-- against 0.5 ms with this index, which holds both due times for an index-only scan, and
-- 340 ms against 16 ms when next to nothing breaches (every new and open ticket is read).
CREATE INDEX tickets_breaching ON tickets (org_id, resolution_due_at, id)
    INCLUDE (first_response_due_at, first_response_at)
    WHERE status IN ('new', 'open');
-- In the order of tickets_unresolved_due, it serves the queues of new and open tickets by due
-- (the breaching queue among them) as well.
