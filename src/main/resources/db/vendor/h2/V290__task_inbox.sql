-- Tasklist's inbox index (issue 16): one row per candidate-group link of an open task (ACT_RU_IDENTITYLINK,
-- TYPE_ 'candidate', with a group), carrying the task's assignee, creation time, due date and tenant, kept in step
-- with Camunda's rows in the same transaction by platform/inbox/InboxIndexPlugin. 本单位待办 and 即将到期 read their
-- page's task ids and their count from here (a range of one index), then Camunda reads those tasks with its own
-- criteria and authorization checks. Filled from Camunda's tables at start when it does not match them.
-- The times have the type of Camunda's own columns (TIMESTAMP on H2), so a
-- row holds exactly the values of its task and sorts as Camunda sorts.
CREATE TABLE task_inbox (
    link_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    task_id     VARCHAR(64)  NOT NULL,
    group_id    VARCHAR(255) NOT NULL,
    assignee    VARCHAR(255),
    create_time TIMESTAMP,
    due_date    TIMESTAMP,
    tenant_id   VARCHAR(64)
);
CREATE INDEX ix_task_inbox_task ON task_inbox (task_id);
-- covering: a page and a count read the index alone (11 000 unclaimed tasks of a brigade: ~10 ms, not ~130 ms)
CREATE INDEX ix_task_inbox_group_created ON task_inbox (group_id, assignee, create_time, task_id, due_date, tenant_id);
CREATE INDEX ix_task_inbox_group_due ON task_inbox (group_id, assignee, due_date, create_time, task_id, tenant_id);
