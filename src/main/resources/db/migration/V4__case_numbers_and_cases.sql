-- 案号 (domain.md §3.3): per organisation, year and type; gap-free, never reused. A voided number stays
-- recorded with its reason.
ALTER TABLE organisation ADD COLUMN number_prefix VARCHAR(16);
ALTER TABLE organisation ADD COLUMN number_format VARCHAR(64);

UPDATE organisation SET number_prefix = '庆交执' WHERE code = 'qycity';
UPDATE organisation SET number_prefix = '庆交执法制' WHERE code = 'qylegal';
UPDATE organisation SET number_prefix = '庆交执西' WHERE code = 'xifeng';
UPDATE organisation SET number_prefix = '庆城交执' WHERE code = 'qingcheng';
UPDATE organisation SET number_prefix = '环交执' WHERE code = 'huanxian';
UPDATE organisation SET number_prefix = '华池交执' WHERE code = 'huachi';
UPDATE organisation SET number_prefix = '合水交执' WHERE code = 'heshui';
UPDATE organisation SET number_prefix = '正宁交执' WHERE code = 'zhengning';
UPDATE organisation SET number_prefix = '宁交执' WHERE code = 'ningxian';
UPDATE organisation SET number_prefix = '镇原交执' WHERE code = 'zhenyuan';
UPDATE organisation SET number_prefix = '西峰运管' WHERE code = 'xfbureau';
UPDATE organisation SET number_prefix = '西峰交警' WHERE code = 'xfpolice';

CREATE TABLE case_number_sequence (
    organisation_code  VARCHAR(32)  NOT NULL,
    number_year        INT          NOT NULL,
    number_type        VARCHAR(32)  NOT NULL,
    last_value         BIGINT       NOT NULL,
    PRIMARY KEY (organisation_code, number_year, number_type),
    CONSTRAINT fk_sequence_organisation FOREIGN KEY (organisation_code) REFERENCES organisation (code)
);

CREATE TABLE case_number (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    formatted          VARCHAR(64)  NOT NULL UNIQUE,
    organisation_code  VARCHAR(32)  NOT NULL,
    number_year        INT          NOT NULL,
    number_type        VARCHAR(32)  NOT NULL,
    sequence_value     BIGINT       NOT NULL,
    reference          VARCHAR(64),
    allocated_by       VARCHAR(64),
    allocated_at       TIMESTAMP    NOT NULL,
    voided             BOOLEAN      NOT NULL,
    void_reason        VARCHAR(500),
    CONSTRAINT uq_case_number_sequence UNIQUE (organisation_code, number_year, number_type, sequence_value)
);

-- 案件: a filed case (立案, 9号令 Art. 63), opened from its lead.
CREATE TABLE case_file (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number          VARCHAR(64)  NOT NULL UNIQUE,
    lead_number          VARCHAR(32)  NOT NULL,
    organisation_code    VARCHAR(32)  NOT NULL,
    party_name           VARCHAR(128) NOT NULL,
    status               VARCHAR(32)  NOT NULL,
    filed_by             VARCHAR(64),
    filed_at             TIMESTAMP    NOT NULL,
    process_instance_id  VARCHAR(64),
    CONSTRAINT fk_case_organisation FOREIGN KEY (organisation_code) REFERENCES organisation (code)
);
