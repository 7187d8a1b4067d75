-- 0017: every create route takes an Idempotency-Key (issue 12), not only ticket creates.
--
--   * idempotency_keys.kind: what the key made (ticket, member, role_grant, comment,
--     training_task, deployment, usage_import); a key is unique per organisation and kind.
--     County-level creates (county role grants, usage imports) keep theirs under the county's
--     own organisation.
--   * idempotency_keys.result_id replaces ticket_id: the id of what the key made, read back
--     by the store of that kind when the request is retried.

ALTER TABLE idempotency_keys
    ADD COLUMN kind text NOT NULL DEFAULT 'ticket'
        CHECK (kind IN ('ticket', 'member', 'role_grant', 'comment', 'training_task', 'deployment', 'usage_import')),
    ADD COLUMN result_id uuid;
UPDATE idempotency_keys SET result_id = ticket_id;
ALTER TABLE idempotency_keys
    ALTER COLUMN kind DROP DEFAULT,
    ALTER COLUMN result_id SET NOT NULL,
    DROP CONSTRAINT idempotency_keys_pkey,
    ADD PRIMARY KEY (org_id, kind, key),
    DROP COLUMN ticket_id;
COMMENT ON COLUMN idempotency_keys.result_id IS
    'The id of the row the key made: a ticket, person (member), role grant, comment, training task, deployment or usage import.';
