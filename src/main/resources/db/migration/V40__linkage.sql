-- The linkages of domain.md §1: hand-overs between the enforcement teams, the road transport bureau and the
-- traffic police (移交), the fines both bodies decide (行政处罚法 Art. 29: one act is fined once) and the
-- shared watchlist of illegal operation (非法营运).
CREATE TABLE linkage_handover (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    handover_number       VARCHAR(32)   UNIQUE,
    sender_code           VARCHAR(32)   NOT NULL,
    receiver_code         VARCHAR(32)   NOT NULL,
    matter                VARCHAR(32)   NOT NULL,
    party_name            VARCHAR(128)  NOT NULL,
    credit_code           VARCHAR(18),
    licence_number        VARCHAR(64),
    plate_number          VARCHAR(16),
    occurred_on           DATE,
    place                 VARCHAR(255),
    summary               VARCHAR(2000) NOT NULL,
    evidence              VARCHAR(2000),
    status                VARCHAR(32)   NOT NULL,
    return_reason         VARCHAR(2000),
    lead_number           VARCHAR(32),
    outcome               VARCHAR(32),
    outcome_summary       VARCHAR(2000),
    registered_by         VARCHAR(64),
    registered_at         TIMESTAMP     NOT NULL,
    CONSTRAINT fk_handover_sender FOREIGN KEY (sender_code) REFERENCES organisation (code),
    CONSTRAINT fk_handover_receiver FOREIGN KEY (receiver_code) REFERENCES organisation (code)
);

-- 全过程记录 (行政处罚法 Art. 47) of a hand-over, kept by both sides.
CREATE TABLE linkage_handover_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    handover_id   BIGINT        NOT NULL,
    step          VARCHAR(32)   NOT NULL,
    actor         VARCHAR(64),
    note          VARCHAR(2000),
    occurred_at   TIMESTAMP     NOT NULL,
    CONSTRAINT fk_handover_event FOREIGN KEY (handover_id) REFERENCES linkage_handover (id)
);

-- Fines decided by either body, by party, plate and the day of the act: the Art. 29 check reads it.
CREATE TABLE linkage_fine (
    id                  BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organisation_code   VARCHAR(32)    NOT NULL,
    decision_number     VARCHAR(64)    NOT NULL UNIQUE,
    party_name          VARCHAR(128)   NOT NULL,
    plate_number        VARCHAR(16),
    act_date            DATE           NOT NULL,
    fine                DECIMAL(12, 2) NOT NULL,
    reference           VARCHAR(64),
    recorded_by         VARCHAR(64),
    recorded_at         TIMESTAMP      NOT NULL,
    CONSTRAINT fk_fine_organisation FOREIGN KEY (organisation_code) REFERENCES organisation (code)
);
CREATE INDEX ix_fine_plate ON linkage_fine (plate_number, act_date);
CREATE INDEX ix_fine_party ON linkage_fine (party_name, act_date);

-- 非法营运 watchlist shared by transport and the traffic police (domain.md §1: 信息资源共享).
CREATE TABLE linkage_watch (
    id                  BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    plate_number        VARCHAR(16),
    party_name          VARCHAR(128)   NOT NULL,
    reason              VARCHAR(2000)  NOT NULL,
    reference           VARCHAR(64),
    organisation_code   VARCHAR(32)    NOT NULL,
    listed_by           VARCHAR(64),
    listed_at           TIMESTAMP      NOT NULL,
    CONSTRAINT fk_watch_organisation FOREIGN KEY (organisation_code) REFERENCES organisation (code)
);
CREATE INDEX ix_watch_plate ON linkage_watch (plate_number);
CREATE INDEX ix_watch_party ON linkage_watch (party_name);

-- 联合执法行动 (交通+交警 联勤联动, domain.md §1): planned, carried out and debriefed by both bodies.
CREATE TABLE linkage_joint_operation (
    id                  BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    operation_number    VARCHAR(32)    UNIQUE,
    title               VARCHAR(255)   NOT NULL,
    planned_date        DATE           NOT NULL,
    place               VARCHAR(255)   NOT NULL,
    organiser_code      VARCHAR(32)    NOT NULL,
    police_code         VARCHAR(32)    NOT NULL,
    transport_officers  VARCHAR(500)   NOT NULL,
    police_officers     VARCHAR(500)   NOT NULL,
    debrief             VARCHAR(2000),
    registered_by       VARCHAR(64),
    registered_at       TIMESTAMP      NOT NULL,
    CONSTRAINT fk_operation_organiser FOREIGN KEY (organiser_code) REFERENCES organisation (code),
    CONSTRAINT fk_operation_police FOREIGN KEY (police_code) REFERENCES organisation (code)
);
