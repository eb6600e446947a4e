-- 公示 (行政处罚法 Art. 48; domain.md §2.9, §6): a penalty decision as the public sees it — personal data redacted —
-- with the date it is due (7 working days after the decision) and the date it was published.
CREATE TABLE published_decision (
    id                  BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    decision_number     VARCHAR(64)    NOT NULL UNIQUE,
    case_number         VARCHAR(64)    NOT NULL,
    organisation_code   VARCHAR(32)    NOT NULL,
    organisation_name   VARCHAR(128)   NOT NULL,
    party_kind          VARCHAR(16)    NOT NULL,
    party_name          VARCHAR(128)   NOT NULL,
    credit_code         VARCHAR(18),
    penalty             VARCHAR(255)   NOT NULL,
    fine                DECIMAL(12, 2),
    decided_on          DATE           NOT NULL,
    publish_due         DATE           NOT NULL,
    published_at        TIMESTAMP
);

-- The outbox: every publication and every push to the credit platform, written in the decision's transaction and
-- delivered afterwards with retries (exponential backoff, a maximum of attempts); the status is visible to
-- supervision.
CREATE TABLE publication_outbox (
    id                BIGINT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind              VARCHAR(16)     NOT NULL,
    decision_number   VARCHAR(64)     NOT NULL,
    organisation_code VARCHAR(32)     NOT NULL,
    payload           VARCHAR(4000)   NOT NULL,
    status            VARCHAR(16)     NOT NULL,
    attempts          INT             NOT NULL,
    max_attempts      INT             NOT NULL,
    next_attempt_at   TIMESTAMP       NOT NULL,
    locked_until      TIMESTAMP,
    last_error        VARCHAR(1000),
    due_on            DATE            NOT NULL,
    created_at        TIMESTAMP       NOT NULL,
    sent_at           TIMESTAMP,
    CONSTRAINT uq_outbox_message UNIQUE (kind, decision_number)
);
CREATE INDEX ix_outbox_due ON publication_outbox (status, next_attempt_at);
