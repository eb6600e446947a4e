-- Enforcement documents (执法文书, domain.md §3) as generated PDFs, each version kept with its SHA-256, and the
-- archived case volume (一案一卷, §2.14) with its index, kept here so it outlives Camunda's history clean-up.
-- (H2 variant: BLOB/CLOB hold any size.)
CREATE TABLE case_document (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number   VARCHAR(64)   NOT NULL,
    kind          VARCHAR(40)   NOT NULL,
    subject       VARCHAR(64)   NOT NULL,
    version       INT           NOT NULL,
    title         VARCHAR(255)  NOT NULL,
    document_number VARCHAR(64),
    step          VARCHAR(64),
    file_name     VARCHAR(255)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    content       BLOB      NOT NULL,
    created_by    VARCHAR(64),
    created_at    TIMESTAMP     NOT NULL,
    CONSTRAINT uq_case_document_version UNIQUE (case_number, kind, subject, version)
);
CREATE INDEX ix_case_document_case ON case_document (case_number);

CREATE TABLE case_archive (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number   VARCHAR(64)   NOT NULL,
    version       INT           NOT NULL,
    ending        VARCHAR(32)   NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    content       BLOB      NOT NULL,
    index_json    CLOB      NOT NULL,
    archived_by   VARCHAR(64),
    archived_at   TIMESTAMP     NOT NULL,
    CONSTRAINT uq_case_archive_version UNIQUE (case_number, version)
);
