-- The party (当事人) and the vehicles of a case, as the investigation establishes them (domain.md §2.2):
-- a citizen by resident ID number (GB 11643), an organisation by unified social credit code (GB 32100),
-- a vehicle by its plate; each row says who recorded it and when (行政处罚法 Art. 47).
CREATE TABLE case_party (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number      VARCHAR(64)   NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    name             VARCHAR(128)  NOT NULL,
    id_number        VARCHAR(18),
    address          VARCHAR(255),
    phone            VARCHAR(32),
    recorded_by      VARCHAR(64),
    recorded_at      TIMESTAMP     NOT NULL,
    CONSTRAINT uq_case_party UNIQUE (case_number, name),
    CONSTRAINT fk_party_case FOREIGN KEY (case_number) REFERENCES case_file (case_number)
);

CREATE TABLE case_vehicle (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number      VARCHAR(64)   NOT NULL,
    plate_number     VARCHAR(16)   NOT NULL,
    recorded_by      VARCHAR(64),
    recorded_at      TIMESTAMP     NOT NULL,
    CONSTRAINT uq_case_vehicle UNIQUE (case_number, plate_number),
    CONSTRAINT fk_vehicle_case FOREIGN KEY (case_number) REFERENCES case_file (case_number)
);
