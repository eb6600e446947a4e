-- 法制审核 (行政处罚法 Art. 58): every review a case needs, as the rule table decided it, and its outcome. "审核未通过的，
-- 不得作出决定": the head decides only when the case's latest required review passed. A row is written when the
-- table legalReviewRequired decides (before the notice, and again after a hearing, Art. 58(2)) and completed by the
-- reviewer: PASSED, SENT_BACK (补充调查) or FAILED, with the opinion and the stage the case returns to.
CREATE TABLE case_legal_review (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number          VARCHAR(64)   NOT NULL,
    review_kind          VARCHAR(16)   NOT NULL,
    review_required      BOOLEAN       NOT NULL,
    outcome              VARCHAR(16),
    opinion              VARCHAR(2000),
    return_stage         VARCHAR(32),
    reviewed_by          VARCHAR(64),
    reviewed_at          TIMESTAMP,
    recorded_at          TIMESTAMP     NOT NULL,
    CONSTRAINT fk_legal_review_case FOREIGN KEY (case_number) REFERENCES case_file (case_number)
);

CREATE INDEX ix_legal_review_case ON case_legal_review (case_number, id);

-- 涉嫌犯罪移送审批 (《行政执法机关移送涉嫌犯罪案件的规定》Art. 5): the head approves (to which police organ) or does not
-- approve, and a refusal keeps its reasons on record; the case then goes on in the administrative procedure.
CREATE TABLE case_crime_transfer_decision (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number          VARCHAR(64)   NOT NULL,
    approved             BOOLEAN       NOT NULL,
    receiving_organ      VARCHAR(255),
    refusal_reason       VARCHAR(2000),
    decided_by           VARCHAR(64),
    decided_at           TIMESTAMP     NOT NULL,
    CONSTRAINT fk_crime_transfer_decision_case FOREIGN KEY (case_number) REFERENCES case_file (case_number)
);

CREATE INDEX ix_crime_transfer_decision_case ON case_crime_transfer_decision (case_number, id);
