-- The case list's search (issue 16) by lead number and by the plate the lead recorded: without these a search
-- reads every case_file and case_lead row — a year's cases (100k open, 1M closed) on each query.
CREATE INDEX ix_case_file_lead_number ON case_file (lead_number);
CREATE INDEX ix_case_lead_plate ON case_lead (plate_number);
