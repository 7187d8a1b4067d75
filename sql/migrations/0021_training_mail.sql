-- 0021: mail about training, and the outbox as a list to work (issue 16).
--
--   * mail_outbox.ticket_id may be NULL: a mail about a training task names the task
--     (task_id) instead; exactly one of the two is set.
--   * mail_outbox.kind: also training_assigned (a task given to a person) and training_due
--     (a task about to be overdue).
--   * training_tasks.due_reminder_at: when the "about to be overdue" mail of the task was
--     written to the outbox, so it is written once per task.
--   * mail_outbox_list: the outbox newest first, for its keyset-paged list.

ALTER TABLE mail_outbox ALTER COLUMN ticket_id DROP NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN task_id uuid NULL;
ALTER TABLE mail_outbox
    ADD CONSTRAINT mail_outbox_task FOREIGN KEY (org_id, task_id) REFERENCES training_tasks (org_id, id);
ALTER TABLE mail_outbox
    ADD CONSTRAINT mail_outbox_subject_of CHECK ((ticket_id IS NULL) <> (task_id IS NULL));
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check CHECK (
    (ticket_id IS NOT NULL AND kind IN ('reply', 'received', 'resolved', 'assigned'))
    OR (task_id IS NOT NULL AND kind IN ('training_assigned', 'training_due')));
CREATE INDEX mail_outbox_task ON mail_outbox (org_id, task_id) WHERE task_id IS NOT NULL;
CREATE INDEX mail_outbox_list ON mail_outbox (org_id, created_at DESC, id DESC);
COMMENT ON COLUMN mail_outbox.task_id IS
    'The training task a training mail is about; NULL for a mail about a ticket (ticket_id).';

ALTER TABLE training_tasks ADD COLUMN due_reminder_at timestamptz NULL;
COMMENT ON COLUMN training_tasks.due_reminder_at IS
    'When the mail saying the task is about to be overdue was written to the outbox (once per task); NULL: not yet.';
