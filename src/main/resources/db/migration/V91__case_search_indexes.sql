-- Case search by party and by plate (issue 16): without these a search reads every case_file, case_party and
-- case_vehicle row — a year's cases (100k open, 1M closed) on each query.
CREATE INDEX ix_case_file_party_name ON case_file (party_name);
CREATE INDEX ix_case_party_name ON case_party (name);
CREATE INDEX ix_case_vehicle_plate ON case_vehicle (plate_number);
