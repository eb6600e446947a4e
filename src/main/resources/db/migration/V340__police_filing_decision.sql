-- What the police did with a case transferred to them as a suspected crime (《行政执法机关移送涉嫌犯罪案件的规定》
-- Arts. 8, 9, 10, 12, 13), one row each time the transferring body records it: FILED (立案; the seized items handed
-- over within 3 days, Art. 12), RECONSIDERATION_REQUESTED (不予立案, and the body asked the police to reconsider
-- within 3 days of the notice, Art. 9) or HANDLED_ADMINISTRATIVELY (not filed, or sent back as no crime but a breach
-- of administrative law: the body handles it itself, Arts. 10, 13).
CREATE TABLE case_police_filing (
    id                          BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number                 VARCHAR(64)    NOT NULL,
    outcome                     VARCHAR(32)    NOT NULL,
    police_decided_on           DATE           NOT NULL,
    police_document_number      VARCHAR(64),
    police_reason               VARCHAR(2000),
    reconsideration_requested_on DATE,
    items_handed_over_on        DATE,
    recorded_by                 VARCHAR(64),
    recorded_at                 TIMESTAMP      NOT NULL,
    CONSTRAINT fk_police_filing_case FOREIGN KEY (case_number) REFERENCES case_file (case_number)
);

CREATE INDEX ix_police_filing_case ON case_police_filing (case_number, id);

-- the day the case went to the police (移送规定 Art. 5), from which their 3 days to decide run (Art. 8)
ALTER TABLE case_penalty ADD COLUMN crime_transfer_sent_on DATE;
