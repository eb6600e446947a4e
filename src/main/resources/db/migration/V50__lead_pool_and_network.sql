-- One lead pool across all bodies (issue 5, 市级+县区): a lead is known by the party's unified social credit
-- code (GB 32100) or resident ID (GB 11643), or by the vehicle plate, together with the date of the act. Each
-- such key belongs to one lead only (the primary key makes a second body's registration of the same act land
-- on the same lead); lead_registration keeps every body that registered it and who holds it.
ALTER TABLE case_lead ADD COLUMN party_id_number VARCHAR(18);
ALTER TABLE case_lead ADD COLUMN area_code VARCHAR(6);

CREATE TABLE lead_identity_key (
    identity_key  VARCHAR(64)  NOT NULL PRIMARY KEY,
    lead_id       BIGINT       NOT NULL,
    CONSTRAINT fk_identity_key_lead FOREIGN KEY (lead_id) REFERENCES case_lead (id)
);

CREATE TABLE lead_registration (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lead_id              BIGINT       NOT NULL,
    organisation_code    VARCHAR(32)  NOT NULL,
    registrant           VARCHAR(64),
    registered_at        TIMESTAMP    NOT NULL,
    process_instance_id  VARCHAR(64),
    merged               BOOLEAN      NOT NULL,
    CONSTRAINT fk_registration_lead FOREIGN KEY (lead_id) REFERENCES case_lead (id)
);
CREATE INDEX ix_registration_organisation ON lead_registration (organisation_code);

-- Registrations that carry an identity key run one at a time under this row's lock, so two concurrent
-- registrations of the same act cannot both open a lead.
CREATE TABLE lead_pool_lock (
    id  INT NOT NULL PRIMARY KEY
);
INSERT INTO lead_pool_lock (id) VALUES (1);

-- 移送管辖 / 指定管辖 / 提级管辖 (行政处罚法 Arts. 22–25): one row per move of a lead or case between bodies,
-- read by both sides.
CREATE TABLE jurisdiction_transfer (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    transfer_number       VARCHAR(32)   UNIQUE,
    kind                  VARCHAR(16)   NOT NULL,
    subject_kind          VARCHAR(8)    NOT NULL,
    subject_number        VARCHAR(64)   NOT NULL,
    from_organisation     VARCHAR(32)   NOT NULL,
    to_organisation       VARCHAR(32)   NOT NULL,
    reason                VARCHAR(2000) NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    requested_by          VARCHAR(64),
    requested_at          TIMESTAMP     NOT NULL,
    decided_by            VARCHAR(64),
    decided_at            TIMESTAMP,
    decision_note         VARCHAR(2000),
    holder_after          VARCHAR(32),
    received_number       VARCHAR(64),
    process_instance_id   VARCHAR(64),
    CONSTRAINT fk_transfer_from FOREIGN KEY (from_organisation) REFERENCES organisation (code),
    CONSTRAINT fk_transfer_to FOREIGN KEY (to_organisation) REFERENCES organisation (code)
);

-- 协查 (行政处罚法 Art. 26): a request from the body holding a case to another body, with its own deadline.
CREATE TABLE assistance_request (
    id                        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    request_number            VARCHAR(32)   UNIQUE,
    case_number               VARCHAR(64)   NOT NULL,
    requesting_organisation   VARCHAR(32)   NOT NULL,
    assisting_organisation    VARCHAR(32)   NOT NULL,
    matters                   VARCHAR(2000) NOT NULL,
    status                    VARCHAR(16)   NOT NULL,
    requested_by              VARCHAR(64),
    requested_at              TIMESTAMP     NOT NULL,
    due_on                    DATE          NOT NULL,
    due_provisional           BOOLEAN       NOT NULL,
    replied_by                VARCHAR(64),
    replied_at                TIMESTAMP,
    reply                     VARCHAR(2000),
    process_instance_id       VARCHAR(64),
    CONSTRAINT fk_assistance_requesting FOREIGN KEY (requesting_organisation) REFERENCES organisation (code),
    CONSTRAINT fk_assistance_assisting FOREIGN KEY (assisting_organisation) REFERENCES organisation (code)
);

-- A case received by transfer keeps the sender's case number it came from.
ALTER TABLE case_file ADD COLUMN transferred_from VARCHAR(64);
