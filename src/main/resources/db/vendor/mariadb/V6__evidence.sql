-- Evidence items (行政处罚法 Art. 46) with their file and its SHA-256 (MariaDB variant: LONGBLOB, files up to the configured upload limit).
CREATE TABLE evidence (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number   VARCHAR(64)   NOT NULL,
    evidence_type VARCHAR(32)   NOT NULL,
    title         VARCHAR(255)  NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(128),
    size_bytes    BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    content       LONGBLOB      NOT NULL,
    added_by      VARCHAR(64),
    added_at      TIMESTAMP     NOT NULL
);
CREATE INDEX ix_evidence_case ON evidence (case_number);
