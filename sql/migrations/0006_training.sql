-- 0006: training tasks (koulutustehtävät): one course for one member of one organisation.
-- Tenant table (rules in 0004). The course catalogue is global (0003).

CREATE TABLE training_tasks (
    org_id        uuid        NOT NULL REFERENCES organisations (id),
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    person_id     uuid        NOT NULL,
    course_id     uuid        NOT NULL REFERENCES training_courses (id),
    due_date      date        NOT NULL,
    status        text        NOT NULL DEFAULT 'assigned'
                  CHECK (status IN ('assigned', 'in_progress', 'completed', 'waived')),
    waived_reason text        NULL CHECK (length(waived_reason) BETWEEN 1 AND 1000),
    completed_on  date        NULL,
    evidence_kind text        NULL CHECK (evidence_kind IN ('webinar', 'e_learning', 'exam', 'other')),
    evidence_ref  text        NULL CHECK (length(evidence_ref) BETWEEN 1 AND 500),
    -- completed_on + the course's validity_months; NULL = never expires
    expires_on    date        NULL,
    -- the completed task this one renews (set by the renewal job; unique, so re-running
    -- the job cannot open a second renewal for the same completion)
    renewal_of    uuid        NULL,
    assigned_at   timestamptz NOT NULL DEFAULT now(),
    -- NULL = assigned by the system (role grant, renewal job)
    assigned_by   uuid        NULL REFERENCES people (id),
    version       integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, person_id) REFERENCES org_members (org_id, person_id),
    FOREIGN KEY (org_id, renewal_of) REFERENCES training_tasks (org_id, id),
    CONSTRAINT training_tasks_waived CHECK ((status = 'waived') = (waived_reason IS NOT NULL)),
    CONSTRAINT training_tasks_completed CHECK ((status = 'completed') = (completed_on IS NOT NULL)),
    CONSTRAINT training_tasks_evidence CHECK (
        status = 'completed' OR (evidence_kind IS NULL AND evidence_ref IS NULL AND expires_on IS NULL)),
    CONSTRAINT training_tasks_expiry CHECK (expires_on IS NULL OR expires_on > completed_on)
);
-- At most one open (assigned or in progress) task per person, course and organisation.
CREATE UNIQUE INDEX training_tasks_one_open ON training_tasks (org_id, person_id, course_id)
    WHERE status IN ('assigned', 'in_progress');
CREATE UNIQUE INDEX training_tasks_renewal_of ON training_tasks (org_id, renewal_of)
    WHERE renewal_of IS NOT NULL;
-- my tasks; overdue; expiring within N days; progress per course
CREATE INDEX training_tasks_person ON training_tasks (org_id, person_id, status);
CREATE INDEX training_tasks_due ON training_tasks (org_id, status, due_date);
CREATE INDEX training_tasks_expires ON training_tasks (org_id, expires_on) WHERE status = 'completed';
CREATE INDEX training_tasks_course ON training_tasks (org_id, course_id, status);
