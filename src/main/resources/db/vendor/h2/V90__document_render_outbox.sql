-- Documents are rendered after the step that makes them has committed (issue 16): the step writes one row here,
-- in its own transaction, with the variables it saw; a worker renders it into case_document moments later, retries
-- a failure with a growing pause, and keeps every failure visible to supervision. A row is never deleted.
CREATE TABLE document_render_job (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number      VARCHAR(64)   NOT NULL,
    kind             VARCHAR(40)   NOT NULL,
    document_number  VARCHAR(64),
    step             VARCHAR(64)   NOT NULL,
    actor            VARCHAR(64),
    variables        BLOB     NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  TIMESTAMP     NOT NULL,
    last_error       VARCHAR(1000),
    document_id      BIGINT,
    document_sha256  VARCHAR(64),
    created_at       TIMESTAMP     NOT NULL,
    rendered_at      TIMESTAMP
);
CREATE INDEX ix_document_render_job_due ON document_render_job (status, next_attempt_at);
CREATE INDEX ix_document_render_job_case ON document_render_job (case_number, status);
