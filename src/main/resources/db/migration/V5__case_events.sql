-- 全过程记录 (行政处罚法 Art. 47) of a case: every step with who, when and what was decided.
CREATE TABLE case_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number  VARCHAR(64)   NOT NULL,
    step         VARCHAR(64)   NOT NULL,
    actor        VARCHAR(64),
    note         VARCHAR(2000),
    occurred_at  TIMESTAMP     NOT NULL
);
CREATE INDEX ix_case_event_case ON case_event (case_number);
