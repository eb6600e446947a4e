-- The legally relevant facts of an on-the-spot decision (简易程序, 行政处罚法 Arts. 51–52, 67–71; 9号令 Art. 61),
-- owned by the domain (issue 11): what was proposed on the spot, the party informed and heard, the decision with
-- its pre-numbered 简 number, the officers, the payment (cash collected and handed over, or paid at the bank) and
-- the copy filed with the department. Keyed by the lead number, the on-the-spot case's reference. Each column is
-- written by the rule of the step that establishes the fact; process variables are copies for routing and display.
-- Money in yuan, DECIMAL(12,2).
CREATE TABLE summary_decision (
    lead_number          VARCHAR(64)   NOT NULL PRIMARY KEY,
    organisation_code    VARCHAR(32)   NOT NULL,
    violation_code       VARCHAR(32)   NOT NULL,
    party_type           VARCHAR(16)   NOT NULL,
    warning_only         BOOLEAN       NOT NULL DEFAULT FALSE,
    proposed_fine        DECIMAL(12,2),
    registered_by        VARCHAR(64)   NOT NULL,
    informed_on          DATE,
    statement_summary    VARCHAR(2000),
    fine                 DECIMAL(12,2),
    decision_number      VARCHAR(64),
    decided_on           DATE,
    decided_by           VARCHAR(64),
    payment_method       VARCHAR(8),
    collection_hard      BOOLEAN       NOT NULL DEFAULT FALSE,
    receipt_number       VARCHAR(64),
    payment_due          DATE,
    copy_filing_due      DATE,
    cash_handed_over_on  DATE,
    paid_on              DATE,
    amount_paid          DECIMAL(12,2),
    copy_filed_on        DATE,
    updated_at           TIMESTAMP     NOT NULL,
    CONSTRAINT uq_summary_decision_number UNIQUE (decision_number)
);
