-- Every service of a document (送达, 行政处罚法 Art. 61; 民事诉讼法 Arts. 87–95): method, date, recipient and the
-- recipient's signature or refusal, as the 送达回证 (MOT template 23) records them. The deadlines that run from
-- service (payment within 15 days, Art. 67) read effective_on.
CREATE TABLE service_record (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number         VARCHAR(64)   NOT NULL,
    document_id         BIGINT        NOT NULL,
    document_kind       VARCHAR(40)   NOT NULL,
    method              VARCHAR(32)   NOT NULL,
    served_on           DATE          NOT NULL,
    effective_on        DATE          NOT NULL,
    recipient           VARCHAR(128)  NOT NULL,
    receipt             VARCHAR(16)   NOT NULL,
    witness             VARCHAR(255),
    address             VARCHAR(255),
    electronic_consent  BOOLEAN       NOT NULL,
    served_by           VARCHAR(64),
    recorded_at         TIMESTAMP     NOT NULL,
    receipt_document_id BIGINT
);
CREATE INDEX ix_service_record_case ON service_record (case_number);
