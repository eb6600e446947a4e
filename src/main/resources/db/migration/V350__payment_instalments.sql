-- 分期缴纳 (行政处罚法 Art. 66 ¶2): the schedule the head approved, one row an instalment — its last day and amount —
-- and, once paid, when, how much and the surcharge for a late instalment (Art. 72). The fine's first row also owes
-- what accrued before the approval. Printed on the 分期（延期）缴纳罚款通知书; the payment step settles the rows in
-- order, and the case's payment (case_payment) is paid when the last one is.
CREATE TABLE case_payment_instalment (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number     VARCHAR(64)    NOT NULL,
    seq             INT            NOT NULL,
    due_date        DATE           NOT NULL,
    amount          DECIMAL(12,2)  NOT NULL,
    paid_on         DATE,
    amount_paid     DECIMAL(12,2),
    surcharge       DECIMAL(12,2),
    recorded_by     VARCHAR(64),
    recorded_at     TIMESTAMP      NULL,
    CONSTRAINT fk_payment_instalment_case FOREIGN KEY (case_number) REFERENCES case_file (case_number),
    CONSTRAINT uq_payment_instalment UNIQUE (case_number, seq)
);
