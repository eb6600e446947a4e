-- 案卷评查 (domain.md §6): a reproducible random sample of one body's closed cases of a period, the scoring
-- sheet of every sampled case, and the rectification asked of the body.
CREATE TABLE case_review (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    review_number      VARCHAR(32)   UNIQUE,
    organisation_code  VARCHAR(32)   NOT NULL,
    period_start       DATE          NOT NULL,
    period_end         DATE          NOT NULL,
    algorithm_version  VARCHAR(32)   NOT NULL,
    seed               VARCHAR(128)  NOT NULL,
    sample_size        INT           NOT NULL,
    result_sha256      VARCHAR(64)   NOT NULL,
    drawn_by           VARCHAR(64),
    drawn_at           TIMESTAMP     NOT NULL,
    CONSTRAINT fk_review_organisation FOREIGN KEY (organisation_code) REFERENCES organisation (code)
);

-- The population the sample was drawn from, as it stood at the draw, in the order the algorithm reads it.
CREATE TABLE case_review_population (
    review_id    BIGINT       NOT NULL,
    position     INT          NOT NULL,
    case_number  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (review_id, position),
    CONSTRAINT fk_population_review FOREIGN KEY (review_id) REFERENCES case_review (id)
);

-- One sampled case: its place in the draw, its scores and findings, and the rectification of the findings.
CREATE TABLE case_review_case (
    id                           BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    review_id                    BIGINT         NOT NULL,
    position                     INT            NOT NULL,
    case_number                  VARCHAR(64)    NOT NULL,
    scores                       VARCHAR(2000),
    total_score                  INT,
    maximum_score                INT,
    findings                     VARCHAR(4000),
    scored_by                    VARCHAR(64),
    scored_at                    TIMESTAMP,
    rectification_status         VARCHAR(16)    NOT NULL,
    rectification_due            DATE,
    rectification_report         VARCHAR(2000),
    rectified_by                 VARCHAR(64),
    rectified_at                 TIMESTAMP,
    verification_note            VARCHAR(1000),
    verified_by                  VARCHAR(64),
    verified_at                  TIMESTAMP,
    process_instance_id          VARCHAR(64),
    CONSTRAINT uq_review_case UNIQUE (review_id, case_number),
    CONSTRAINT fk_review_case_review FOREIGN KEY (review_id) REFERENCES case_review (id)
);
