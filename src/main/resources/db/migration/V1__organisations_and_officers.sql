-- Organisations of the pilot (domain.md §9) and the officers who work for them.
CREATE TABLE organisation (
    code          VARCHAR(32)  NOT NULL PRIMARY KEY,
    name          VARCHAR(128) NOT NULL,
    kind          VARCHAR(32)  NOT NULL,
    area_code     VARCHAR(6)   NOT NULL,
    parent_code   VARCHAR(32),
    CONSTRAINT fk_organisation_parent FOREIGN KEY (parent_code) REFERENCES organisation (code)
);

CREATE TABLE officer (
    user_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name        VARCHAR(128) NOT NULL,
    organisation_code   VARCHAR(32)  NOT NULL,
    role                VARCHAR(32)  NOT NULL,
    certificate_number  VARCHAR(32),
    CONSTRAINT fk_officer_organisation FOREIGN KEY (organisation_code) REFERENCES organisation (code)
);

-- Administrative division codes (GB/T 2260): 庆阳市 621000, 西峰区 621002, 庆城县 621021, 环县 621022,
-- 华池县 621023, 合水县 621024, 正宁县 621025, 宁县 621026, 镇原县 621027.
INSERT INTO organisation (code, name, kind, area_code, parent_code) VALUES
    ('qycity',    '庆阳市交通运输综合行政执法队',       'ENFORCEMENT_CITY',    '621000', NULL),
    ('qylegal',   '庆阳市交通运输综合行政执法队法制科', 'LEGAL_OFFICE',        '621000', 'qycity'),
    ('xifeng',    '庆阳市交通运输综合行政执法队西峰大队', 'ENFORCEMENT_DISTRICT', '621002', 'qycity'),
    ('qingcheng', '庆城县交通运输综合行政执法队',       'ENFORCEMENT_COUNTY',  '621021', 'qycity'),
    ('huanxian',  '环县交通运输综合行政执法队',         'ENFORCEMENT_COUNTY',  '621022', 'qycity'),
    ('huachi',    '华池县交通运输综合行政执法队',       'ENFORCEMENT_COUNTY',  '621023', 'qycity'),
    ('heshui',    '合水县交通运输综合行政执法队',       'ENFORCEMENT_COUNTY',  '621024', 'qycity'),
    ('zhengning', '正宁县交通运输综合行政执法队',       'ENFORCEMENT_COUNTY',  '621025', 'qycity'),
    ('ningxian',  '宁县交通运输综合行政执法队',         'ENFORCEMENT_COUNTY',  '621026', 'qycity'),
    ('zhenyuan',  '镇原县交通运输综合行政执法队',       'ENFORCEMENT_COUNTY',  '621027', 'qycity'),
    ('xfbureau',  '西峰区道路运输管理局',               'INDUSTRY_MANAGEMENT', '621002', NULL),
    ('xfpolice',  '庆阳市公安局西峰分局交通警察大队',   'PUBLIC_SECURITY',     '621002', NULL);
