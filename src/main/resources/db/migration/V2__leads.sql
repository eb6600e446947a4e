-- Case sources (案源): every lead registered in leadIntake, whatever its channel (domain.md §2.1).
CREATE TABLE case_lead (
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lead_number           VARCHAR(32)  UNIQUE,
    source                VARCHAR(32)  NOT NULL,
    organisation_code     VARCHAR(32)  NOT NULL,
    party_name            VARCHAR(128) NOT NULL,
    plate_number          VARCHAR(16),
    occurred_on           DATE,
    place                 VARCHAR(255),
    summary               VARCHAR(2000) NOT NULL,
    status                VARCHAR(32)  NOT NULL,
    registered_by         VARCHAR(64),
    registered_at         TIMESTAMP    NOT NULL,
    process_instance_id   VARCHAR(64),
    CONSTRAINT fk_lead_organisation FOREIGN KEY (organisation_code) REFERENCES organisation (code)
);

-- 全过程记录 (行政处罚法 Art. 47): every status change of a lead, with who and when.
CREATE TABLE case_lead_event (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lead_id      BIGINT       NOT NULL,
    status       VARCHAR(32)  NOT NULL,
    actor        VARCHAR(64),
    note         VARCHAR(2000),
    occurred_at  TIMESTAMP    NOT NULL,
    CONSTRAINT fk_lead_event_lead FOREIGN KEY (lead_id) REFERENCES case_lead (id)
);
