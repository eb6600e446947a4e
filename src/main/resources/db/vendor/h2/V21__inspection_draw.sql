-- The record of one double-random draw (domain.md §5: seed, snapshot of both pools, algorithm version),
-- enough for an auditor to re-run it and get the same result. (h2 variant: CLOB holds snapshots of any size.)
CREATE TABLE inspection_draw (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    plan_id              BIGINT        NOT NULL,
    algorithm_version    VARCHAR(32)   NOT NULL,
    seed                 VARCHAR(128)  NOT NULL,
    drawn_on             DATE          NOT NULL,
    criteria_json        CLOB NOT NULL,
    target_pool_json     CLOB NOT NULL,
    inspector_pool_json  CLOB NOT NULL,
    result_json          CLOB NOT NULL,
    result_sha256        VARCHAR(64)   NOT NULL,
    drawn_by             VARCHAR(64),
    drawn_at             TIMESTAMP     NOT NULL,
    CONSTRAINT uq_draw_plan UNIQUE (plan_id),
    CONSTRAINT fk_draw_plan FOREIGN KEY (plan_id) REFERENCES inspection_plan (id)
);
