-- Joint inspections (双随机、一公开, domain.md §5): the "一单两库" registers and the plans, visits and findings.
-- 检查对象名录库: regulated enterprises of the road transport markets, with their vehicles.
CREATE TABLE inspection_enterprise (
    uscc                     VARCHAR(18)  NOT NULL PRIMARY KEY,
    name                     VARCHAR(200) NOT NULL,
    area_code                VARCHAR(6)   NOT NULL,
    market_segment           VARCHAR(32)  NOT NULL,
    key_passenger_dangerous  BOOLEAN      NOT NULL,
    key_cruising_taxi        BOOLEAN      NOT NULL,
    key_enterprise           BOOLEAN      NOT NULL,
    risk_grade               VARCHAR(16)  NOT NULL,
    credit_grade             VARCHAR(8),
    last_inspected_on        DATE,
    demo                     BOOLEAN      NOT NULL
);

CREATE TABLE inspection_vehicle (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_uscc  VARCHAR(18)  NOT NULL,
    plate_number     VARCHAR(16)  NOT NULL,
    vehicle_kind     VARCHAR(64)  NOT NULL,
    demo             BOOLEAN      NOT NULL,
    CONSTRAINT fk_vehicle_enterprise FOREIGN KEY (enterprise_uscc) REFERENCES inspection_enterprise (uscc)
);

-- 执法检查人员名录库: officers admitted to the draw, with their certificate and the areas they cover.
CREATE TABLE inspection_inspector (
    user_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name        VARCHAR(128) NOT NULL,
    organisation_code   VARCHAR(32)  NOT NULL,
    certificate_number  VARCHAR(32),
    area_codes          VARCHAR(255) NOT NULL,
    demo                BOOLEAN      NOT NULL,
    CONSTRAINT fk_inspector_organisation FOREIGN KEY (organisation_code) REFERENCES organisation (code)
);

-- Recorded conflicts of interest (回避): the inspector is never drawn for that enterprise.
CREATE TABLE inspection_conflict (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id          VARCHAR(64)   NOT NULL,
    enterprise_uscc  VARCHAR(18)   NOT NULL,
    reason           VARCHAR(500)  NOT NULL,
    recorded_by      VARCHAR(64),
    recorded_at      TIMESTAMP     NOT NULL,
    CONSTRAINT fk_conflict_inspector FOREIGN KEY (user_id) REFERENCES inspection_inspector (user_id),
    CONSTRAINT fk_conflict_enterprise FOREIGN KEY (enterprise_uscc) REFERENCES inspection_enterprise (uscc)
);

-- 抽查事项清单: the items each department checks, each with its legal basis; a failed item goes to the
-- competent body as a lead.
CREATE TABLE inspection_item (
    code                          VARCHAR(16)   NOT NULL PRIMARY KEY,
    department_code               VARCHAR(32)   NOT NULL,
    name                          VARCHAR(200)  NOT NULL,
    legal_basis                   VARCHAR(500)  NOT NULL,
    competent_organisation_code   VARCHAR(32)   NOT NULL,
    demo                          BOOLEAN       NOT NULL,
    CONSTRAINT fk_item_department FOREIGN KEY (department_code) REFERENCES organisation (code),
    CONSTRAINT fk_item_competent FOREIGN KEY (competent_organisation_code) REFERENCES organisation (code)
);

CREATE TABLE inspection_plan (
    id                       BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    plan_number              VARCHAR(32),
    name                     VARCHAR(200)  NOT NULL,
    lead_organisation_code   VARCHAR(32)   NOT NULL,
    partner_organisation_code VARCHAR(32)  NOT NULL,
    item_codes               VARCHAR(1000) NOT NULL,
    market_segments          VARCHAR(500)  NOT NULL,
    key_supervision_only     BOOLEAN       NOT NULL,
    sampling_percent         INT,
    sample_count             INT,
    inspectors_per_target    INT           NOT NULL,
    period_start             DATE          NOT NULL,
    period_end               DATE          NOT NULL,
    status                   VARCHAR(32)   NOT NULL,
    planned_by               VARCHAR(64),
    planned_at               TIMESTAMP     NOT NULL,
    approved_by              VARCHAR(64),
    approval_note            VARCHAR(1000),
    published_at             TIMESTAMP,
    inspection_ended_on      DATE,
    results_due              DATE,
    results_published_at     TIMESTAMP,
    results_overdue          BOOLEAN       NOT NULL,
    process_instance_id      VARCHAR(64),
    CONSTRAINT uq_inspection_plan_number UNIQUE (plan_number)
);

CREATE TABLE inspection_visit (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    visit_number         VARCHAR(40)   NOT NULL,
    plan_id              BIGINT        NOT NULL,
    enterprise_uscc      VARCHAR(18)   NOT NULL,
    enterprise_name      VARCHAR(200)  NOT NULL,
    inspector_ids        VARCHAR(500)  NOT NULL,
    status               VARCHAR(32)   NOT NULL,
    visited_by           VARCHAR(64),
    visited_at           TIMESTAMP,
    correction_due       DATE,
    rechecked_by         VARCHAR(64),
    rechecked_at         TIMESTAMP,
    recheck_corrected    BOOLEAN,
    recheck_note         VARCHAR(1000),
    CONSTRAINT uq_inspection_visit_number UNIQUE (visit_number),
    CONSTRAINT fk_visit_plan FOREIGN KEY (plan_id) REFERENCES inspection_plan (id)
);

-- One row per checked item of a visit: the combined checklist split back per department.
CREATE TABLE inspection_finding (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    visit_id           BIGINT        NOT NULL,
    item_code          VARCHAR(16)   NOT NULL,
    department_code    VARCHAR(32)   NOT NULL,
    result             VARCHAR(16)   NOT NULL,
    note               VARCHAR(1000),
    evidence_link      VARCHAR(500),
    follow_up          VARCHAR(16),
    lead_number        VARCHAR(32),
    CONSTRAINT fk_finding_visit FOREIGN KEY (visit_id) REFERENCES inspection_visit (id),
    CONSTRAINT fk_finding_item FOREIGN KEY (item_code) REFERENCES inspection_item (code)
);
CREATE INDEX ix_finding_visit ON inspection_finding (visit_id);
