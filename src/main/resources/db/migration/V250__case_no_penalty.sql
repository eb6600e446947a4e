-- No penalty (行政处罚法 Art. 33, Art. 57 ¶1 (2)(3); domain.md §2.13, issue 12): what the table noPenalty said about
-- the proposal (for every proposed outcome), the ground of a no-penalty proposal as a fact, the written reason when
-- no penalty is proposed where the table says a penalty is due (approved by the head at 偏离裁量基准审批, recorded in
-- case_penalty.deviation_approved), and the education the party was given (Art. 33 ¶3).
CREATE TABLE case_no_penalty (
    case_number          VARCHAR(64)   NOT NULL PRIMARY KEY,
    proposed_outcome     VARCHAR(32),
    verdict              VARCHAR(16),
    verdict_basis        VARCHAR(1000),
    circumstance_tier    VARCHAR(16),
    repeat_count         INT,
    harm                 VARCHAR(16),
    corrected_promptly   BOOLEAN       NOT NULL DEFAULT FALSE,
    no_subjective_fault  BOOLEAN       NOT NULL DEFAULT FALSE,
    ground               VARCHAR(32),
    deviation_reason     VARCHAR(2000),
    education_form       VARCHAR(32),
    educated_on          DATE,
    educated_by          VARCHAR(64),
    updated_at           TIMESTAMP     NOT NULL
);
