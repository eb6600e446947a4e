-- Chinese working-day calendar (domain.md §11). A year is OFFICIAL once the State Council's arrangement is
-- entered; years without a row are counted provisionally from 全国年节及纪念日放假办法 (weekends + fixed holidays).
CREATE TABLE calendar_year (
    calendar_year  INT          NOT NULL PRIMARY KEY,
    notice         VARCHAR(255) NOT NULL,
    entered_by     VARCHAR(64),
    entered_at     TIMESTAMP    NOT NULL
);

CREATE TABLE calendar_day (
    calendar_date  DATE         NOT NULL PRIMARY KEY,
    calendar_year  INT          NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    name           VARCHAR(64)  NOT NULL,
    CONSTRAINT fk_calendar_day_year FOREIGN KEY (calendar_year) REFERENCES calendar_year (calendar_year)
);

-- A legal deadline counted in working days, kept so it can be counted again when a year's arrangement
-- arrives (a provisional deadline moves, and the task's due date or the timer with it).
CREATE TABLE legal_deadline (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    process_instance_id  VARCHAR(64)  NOT NULL,
    kind                 VARCHAR(64)  NOT NULL,
    start_date           DATE         NOT NULL,
    working_days         INT          NOT NULL,
    due_date             DATE         NOT NULL,
    provisional          BOOLEAN      NOT NULL,
    due_variable         VARCHAR(64),
    task_definition_key  VARCHAR(64),
    active               BOOLEAN      NOT NULL
);

INSERT INTO calendar_year (calendar_year, notice, entered_by, entered_at) VALUES
    (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）', 'flyway', TIMESTAMP '2026-11-27 00:00:00'),
    (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04 新华社发布）', 'flyway', TIMESTAMP '2026-11-27 00:00:00');

INSERT INTO calendar_day (calendar_date, calendar_year, kind, name) VALUES
    (DATE '2025-01-01', 2025, 'HOLIDAY', '元旦'),
    (DATE '2025-01-26', 2025, 'WORKDAY', '春节调休上班'),
    (DATE '2025-01-28', 2025, 'HOLIDAY', '春节'),
    (DATE '2025-01-29', 2025, 'HOLIDAY', '春节'),
    (DATE '2025-01-30', 2025, 'HOLIDAY', '春节'),
    (DATE '2025-01-31', 2025, 'HOLIDAY', '春节'),
    (DATE '2025-02-01', 2025, 'HOLIDAY', '春节'),
    (DATE '2025-02-02', 2025, 'HOLIDAY', '春节'),
    (DATE '2025-02-03', 2025, 'HOLIDAY', '春节'),
    (DATE '2025-02-04', 2025, 'HOLIDAY', '春节'),
    (DATE '2025-02-08', 2025, 'WORKDAY', '春节调休上班'),
    (DATE '2025-04-04', 2025, 'HOLIDAY', '清明节'),
    (DATE '2025-04-05', 2025, 'HOLIDAY', '清明节'),
    (DATE '2025-04-06', 2025, 'HOLIDAY', '清明节'),
    (DATE '2025-04-27', 2025, 'WORKDAY', '劳动节调休上班'),
    (DATE '2025-05-01', 2025, 'HOLIDAY', '劳动节'),
    (DATE '2025-05-02', 2025, 'HOLIDAY', '劳动节'),
    (DATE '2025-05-03', 2025, 'HOLIDAY', '劳动节'),
    (DATE '2025-05-04', 2025, 'HOLIDAY', '劳动节'),
    (DATE '2025-05-05', 2025, 'HOLIDAY', '劳动节'),
    (DATE '2025-05-31', 2025, 'HOLIDAY', '端午节'),
    (DATE '2025-06-01', 2025, 'HOLIDAY', '端午节'),
    (DATE '2025-06-02', 2025, 'HOLIDAY', '端午节'),
    (DATE '2025-09-28', 2025, 'WORKDAY', '国庆节调休上班'),
    (DATE '2025-10-01', 2025, 'HOLIDAY', '国庆节、中秋节'),
    (DATE '2025-10-02', 2025, 'HOLIDAY', '国庆节、中秋节'),
    (DATE '2025-10-03', 2025, 'HOLIDAY', '国庆节、中秋节'),
    (DATE '2025-10-04', 2025, 'HOLIDAY', '国庆节、中秋节'),
    (DATE '2025-10-05', 2025, 'HOLIDAY', '国庆节、中秋节'),
    (DATE '2025-10-06', 2025, 'HOLIDAY', '国庆节、中秋节'),
    (DATE '2025-10-07', 2025, 'HOLIDAY', '国庆节、中秋节'),
    (DATE '2025-10-08', 2025, 'HOLIDAY', '国庆节、中秋节'),
    (DATE '2025-10-11', 2025, 'WORKDAY', '国庆节调休上班'),
    (DATE '2026-01-01', 2026, 'HOLIDAY', '元旦'),
    (DATE '2026-01-02', 2026, 'HOLIDAY', '元旦'),
    (DATE '2026-01-03', 2026, 'HOLIDAY', '元旦'),
    (DATE '2026-01-04', 2026, 'WORKDAY', '元旦调休上班'),
    (DATE '2026-02-14', 2026, 'WORKDAY', '春节调休上班'),
    (DATE '2026-02-15', 2026, 'HOLIDAY', '春节'),
    (DATE '2026-02-16', 2026, 'HOLIDAY', '春节'),
    (DATE '2026-02-17', 2026, 'HOLIDAY', '春节'),
    (DATE '2026-02-18', 2026, 'HOLIDAY', '春节'),
    (DATE '2026-02-19', 2026, 'HOLIDAY', '春节'),
    (DATE '2026-02-20', 2026, 'HOLIDAY', '春节'),
    (DATE '2026-02-21', 2026, 'HOLIDAY', '春节'),
    (DATE '2026-02-22', 2026, 'HOLIDAY', '春节'),
    (DATE '2026-02-23', 2026, 'HOLIDAY', '春节'),
    (DATE '2026-02-28', 2026, 'WORKDAY', '春节调休上班'),
    (DATE '2026-04-04', 2026, 'HOLIDAY', '清明节'),
    (DATE '2026-04-05', 2026, 'HOLIDAY', '清明节'),
    (DATE '2026-04-06', 2026, 'HOLIDAY', '清明节'),
    (DATE '2026-05-01', 2026, 'HOLIDAY', '劳动节'),
    (DATE '2026-05-02', 2026, 'HOLIDAY', '劳动节'),
    (DATE '2026-05-03', 2026, 'HOLIDAY', '劳动节'),
    (DATE '2026-05-04', 2026, 'HOLIDAY', '劳动节'),
    (DATE '2026-05-05', 2026, 'HOLIDAY', '劳动节'),
    (DATE '2026-05-09', 2026, 'WORKDAY', '劳动节调休上班'),
    (DATE '2026-06-19', 2026, 'HOLIDAY', '端午节'),
    (DATE '2026-06-20', 2026, 'HOLIDAY', '端午节'),
    (DATE '2026-06-21', 2026, 'HOLIDAY', '端午节'),
    (DATE '2026-09-20', 2026, 'WORKDAY', '国庆节调休上班'),
    (DATE '2026-09-25', 2026, 'HOLIDAY', '中秋节'),
    (DATE '2026-09-26', 2026, 'HOLIDAY', '中秋节'),
    (DATE '2026-09-27', 2026, 'HOLIDAY', '中秋节'),
    (DATE '2026-10-01', 2026, 'HOLIDAY', '国庆节'),
    (DATE '2026-10-02', 2026, 'HOLIDAY', '国庆节'),
    (DATE '2026-10-03', 2026, 'HOLIDAY', '国庆节'),
    (DATE '2026-10-04', 2026, 'HOLIDAY', '国庆节'),
    (DATE '2026-10-05', 2026, 'HOLIDAY', '国庆节'),
    (DATE '2026-10-06', 2026, 'HOLIDAY', '国庆节'),
    (DATE '2026-10-07', 2026, 'HOLIDAY', '国庆节'),
    (DATE '2026-10-10', 2026, 'WORKDAY', '国庆节调休上班');
