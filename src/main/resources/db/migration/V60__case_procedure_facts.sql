-- The legally relevant facts of a case's general procedure, owned by the domain (issue 11): the proposal and the
-- decision, the notified fine (违法行为通知书) and the statement (陈述申辩) with its re-check, the hearing, the
-- payment, and the officers. Each row is written by the rule of the step that establishes the fact; process
-- variables are copies for routing and display. Money in yuan, DECIMAL(12,2). Service of documents stays in
-- service_record (V31).
CREATE TABLE case_penalty (
    case_number          VARCHAR(64)   NOT NULL PRIMARY KEY,
    proposed_outcome     VARCHAR(32),
    proposed_fine        DECIMAL(12,2),
    violation_code       VARCHAR(32),
    party_type           VARCHAR(16),
    legal_basis          VARCHAR(1000),
    revocation           BOOLEAN       NOT NULL DEFAULT FALSE,
    suspension           BOOLEAN       NOT NULL DEFAULT FALSE,
    deviation_required   BOOLEAN       NOT NULL DEFAULT FALSE,
    deviation_approved   BOOLEAN       NOT NULL DEFAULT FALSE,
    benchmark_min        DECIMAL(12,2),
    benchmark_max        DECIMAL(12,2),
    benchmark_basis      VARCHAR(1000),
    hearing_right        BOOLEAN       NOT NULL DEFAULT FALSE,
    hearing_ground       VARCHAR(255),
    notice_served_on     DATE,
    notified_fine        DECIMAL(12,2),
    statement_made       BOOLEAN       NOT NULL DEFAULT FALSE,
    statement_summary    VARCHAR(2000),
    rechecked_fine       DECIMAL(12,2),
    rechecked_on         DATE,
    decision_kind        VARCHAR(32),
    decision_number      VARCHAR(64),
    decided_fine         DECIMAL(12,2),
    decided_on           DATE,
    decided_by           VARCHAR(64),
    crime_transfer_approved_at TIMESTAMP,
    updated_at           TIMESTAMP     NOT NULL,
    CONSTRAINT fk_penalty_case FOREIGN KEY (case_number) REFERENCES case_file (case_number)
);

CREATE TABLE case_hearing (
    case_number          VARCHAR(64)   NOT NULL PRIMARY KEY,
    requested_on         DATE          NOT NULL,
    notice_served_on     DATE,
    scheduled_for        DATE,
    place                VARCHAR(255),
    presider             VARCHAR(64),
    held_on              DATE,
    party_attended       BOOLEAN,
    updated_at           TIMESTAMP     NOT NULL,
    CONSTRAINT fk_hearing_case FOREIGN KEY (case_number) REFERENCES case_file (case_number)
);

CREATE TABLE case_payment (
    case_number          VARCHAR(64)   NOT NULL PRIMARY KEY,
    fine                 DECIMAL(12,2) NOT NULL,
    served_on            DATE          NOT NULL,
    due_date             DATE          NOT NULL,
    paid_on              DATE,
    amount_paid          DECIMAL(12,2),
    surcharge            DECIMAL(12,2),
    deferral_kind        VARCHAR(16),
    instalment_count     INT,
    reminder_served_on   DATE,
    court_applied_on     DATE,
    updated_at           TIMESTAMP     NOT NULL,
    CONSTRAINT fk_payment_case FOREIGN KEY (case_number) REFERENCES case_file (case_number)
);

-- The officers of a case: its investigators (at least two certified officers, Art. 42) and the hearing's
-- presider (never an investigator, Art. 64(4)).
CREATE TABLE case_officer (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number          VARCHAR(64)   NOT NULL,
    user_id              VARCHAR(64)   NOT NULL,
    role                 VARCHAR(16)   NOT NULL,
    recusal_requested    BOOLEAN       NOT NULL DEFAULT FALSE,
    recorded_by          VARCHAR(64),
    recorded_at          TIMESTAMP     NOT NULL,
    CONSTRAINT uq_case_officer UNIQUE (case_number, user_id, role),
    CONSTRAINT fk_officer_case FOREIGN KEY (case_number) REFERENCES case_file (case_number)
);
