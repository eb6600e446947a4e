-- The demo's joint-inspection registers (domain.md §5), inserted by DemoInspectionRegisters under the demo profile
-- when no demo enterprise is present (they were Flyway V22 until V120 took them out of the schema path).
-- Every row is marked demo = TRUE: enterprise names,
-- codes, plates, grades and dates are invented for the demo (unified social credit codes carry a valid
-- GB 32100-2015 check digit); the items cite real provisions (domain.md §4.2) but the list itself is a demo.
INSERT INTO inspection_enterprise (uscc, name, area_code, market_segment, key_passenger_dangerous,
    key_cruising_taxi, key_enterprise, risk_grade, credit_grade, last_inspected_on, demo) VALUES
    ('9162100271000011XF', '庆阳长运客运有限公司（演示）', '621002', 'PASSENGER', TRUE, FALSE, TRUE, 'HIGH', 'AA', DATE '2026-03-12', TRUE),
    ('916210027100014891', '西峰区陇东旅游客运有限公司（演示）', '621002', 'PASSENGER', TRUE, FALSE, TRUE, 'HIGH', 'A', NULL, TRUE),
    ('916210027100028526', '西峰区董志塬班线客运有限公司（演示）', '621002', 'PASSENGER', TRUE, FALSE, FALSE, 'MEDIUM', 'AA', DATE '2025-11-20', TRUE),
    ('91621002710004225Q', '庆阳市周祖客运服务有限公司（演示）', '621002', 'PASSENGER', FALSE, FALSE, FALSE, 'LOW', 'AAA', DATE '2026-01-08', TRUE),
    ('916210027100055945', '西峰区岐黄公交客运有限公司（演示）', '621002', 'PASSENGER', FALSE, FALSE, FALSE, 'LOW', 'AA', NULL, TRUE),
    ('91621002710006968C', '庆阳宏达危险货物运输有限公司（演示）', '621002', 'FREIGHT', TRUE, FALSE, TRUE, 'HIGH', 'A', DATE '2026-05-30', TRUE),
    ('91621002710008330W', '西峰区石化物流运输有限公司（演示）', '621002', 'FREIGHT', TRUE, FALSE, TRUE, 'HIGH', 'B', NULL, TRUE),
    ('916210027100097044', '西峰区陇原普通货物运输有限公司（演示）', '621002', 'FREIGHT', FALSE, FALSE, FALSE, 'MEDIUM', 'A', DATE '2025-09-16', TRUE),
    ('916210027100110705', '庆阳顺通物流有限公司（演示）', '621002', 'FREIGHT', FALSE, FALSE, FALSE, 'MEDIUM', 'AA', NULL, TRUE),
    ('91621002710012444C', '西峰区安达货运有限公司（演示）', '621002', 'FREIGHT', FALSE, FALSE, FALSE, 'LOW', 'AA', DATE '2026-02-21', TRUE),
    ('91621002710013818K', '西峰区北环货运信息部（演示）', '621002', 'FREIGHT', FALSE, FALSE, FALSE, 'LOW', 'A', NULL, TRUE),
    ('91621002710015186B', '西峰区恒信汽车维修有限公司（演示）', '621002', 'REPAIR', FALSE, FALSE, FALSE, 'MEDIUM', 'A', DATE '2026-04-02', TRUE),
    ('9162100271001655XD', '庆阳市诚达机动车维修厂（演示）', '621002', 'REPAIR', FALSE, FALSE, FALSE, 'LOW', 'AA', NULL, TRUE),
    ('91621002710017923P', '西峰区南区汽车修理部（演示）', '621002', 'REPAIR', FALSE, FALSE, FALSE, 'LOW', 'B', DATE '2025-12-11', TRUE),
    ('91621002710019291F', '西峰区驰骋机动车驾驶员培训有限公司（演示）', '621002', 'DRIVER_TRAINING', FALSE, FALSE, FALSE, 'MEDIUM', 'A', NULL, TRUE),
    ('916210027100206630', '庆阳市安驾驾驶员培训学校（演示）', '621002', 'DRIVER_TRAINING', FALSE, FALSE, FALSE, 'LOW', 'AA', DATE '2026-06-18', TRUE),
    ('91621002710022036J', '西峰区陇东出租汽车有限公司（演示）', '621002', 'TAXI', FALSE, TRUE, TRUE, 'HIGH', 'A', DATE '2026-07-09', TRUE),
    ('9162100271002340XL', '西峰区凯达出租汽车有限公司（演示）', '621002', 'TAXI', FALSE, TRUE, TRUE, 'MEDIUM', 'AA', NULL, TRUE),
    ('916210027100247796', '庆阳市新城出租汽车服务有限公司（演示）', '621002', 'TAXI', FALSE, TRUE, FALSE, 'MEDIUM', 'A', DATE '2025-10-28', TRUE),
    ('91621002710026141N', '西峰区兴盛旅游包车有限公司（演示）', '621002', 'PASSENGER', TRUE, FALSE, TRUE, 'HIGH', 'B', NULL, TRUE),
    ('91621021710027515E', '庆城县周祖陵客运有限公司（演示）', '621021', 'PASSENGER', TRUE, FALSE, FALSE, 'MEDIUM', 'A', NULL, TRUE),
    ('91621021710028884T', '庆城县通达货物运输有限公司（演示）', '621021', 'FREIGHT', FALSE, FALSE, FALSE, 'LOW', 'AA', DATE '2026-03-03', TRUE);

INSERT INTO inspection_vehicle (enterprise_uscc, plate_number, vehicle_kind, demo) VALUES
    ('9162100271000011XF', '甘M14835', '大型普通客车', TRUE),
    ('9162100271000011XF', '甘M87666', '中型普通客车', TRUE),
    ('916210027100014891', '甘M44289', '大型普通客车', TRUE),
    ('916210027100014891', '甘M49624', '中型普通客车', TRUE),
    ('916210027100028526', '甘M80918', '大型普通客车', TRUE),
    ('916210027100028526', '甘M29287', '中型普通客车', TRUE),
    ('91621002710004225Q', '甘M31880', '大型普通客车', TRUE),
    ('91621002710004225Q', '甘M47199', '中型普通客车', TRUE),
    ('916210027100055945', '甘M61587', '大型普通客车', TRUE),
    ('916210027100055945', '甘M41094', '中型普通客车', TRUE),
    ('91621002710006968C', '甘M45132', '重型普通货车', TRUE),
    ('91621002710006968C', '甘M21343', '重型罐式货车', TRUE),
    ('91621002710008330W', '甘M31196', '重型普通货车', TRUE),
    ('91621002710008330W', '甘M70883', '重型罐式货车', TRUE),
    ('916210027100097044', '甘M14475', '重型普通货车', TRUE),
    ('916210027100097044', '甘M31464', '重型罐式货车', TRUE),
    ('916210027100110705', '甘M36740', '重型普通货车', TRUE),
    ('916210027100110705', '甘M15350', '重型罐式货车', TRUE),
    ('91621002710012444C', '甘M86586', '重型普通货车', TRUE),
    ('91621002710012444C', '甘M95113', '重型罐式货车', TRUE),
    ('91621002710013818K', '甘M74242', '重型普通货车', TRUE),
    ('91621002710013818K', '甘M29753', '重型罐式货车', TRUE),
    ('91621002710019291F', '甘M13663', '教练车', TRUE),
    ('916210027100206630', '甘M17157', '教练车', TRUE),
    ('91621002710022036J', '甘MT8314', '巡游出租汽车', TRUE),
    ('9162100271002340XL', '甘MT9466', '巡游出租汽车', TRUE),
    ('916210027100247796', '甘MT9934', '巡游出租汽车', TRUE),
    ('91621002710026141N', '甘M45937', '大型普通客车', TRUE),
    ('91621002710026141N', '甘M72169', '中型普通客车', TRUE),
    ('91621021710027515E', '甘M14516', '大型普通客车', TRUE),
    ('91621021710027515E', '甘M78955', '中型普通客车', TRUE),
    ('91621021710028884T', '甘M14106', '重型普通货车', TRUE),
    ('91621021710028884T', '甘M72354', '重型罐式货车', TRUE);

-- 执法检查人员名录库. xfhandler1, xfhandler2, xfhead and bureau1 are the demo users of the default profile
-- (certificate numbers as in application-demo.yaml); the others are invented pool members without a login. bureau1 holds
-- no enforcement certificate and is therefore never drawn. An area code ending in 00 covers the whole city.
INSERT INTO inspection_inspector (user_id, display_name, organisation_code, certificate_number, area_codes, demo) VALUES
    ('xfhandler1', '李明',   'xifeng',   '62100220230011', '621002', TRUE),
    ('xfhandler2', '王芳',   'xifeng',   '62100220230012', '621002', TRUE),
    ('xfhead',     '张建国', 'xifeng',   '62100220190003', '621002', TRUE),
    ('xfinspect4', '马强',   'xifeng',   '62100220210015', '621002', TRUE),
    ('bureau1',    '周敏',   'xfbureau', NULL,             '621002', TRUE),
    ('xfbureau2',  '何丽',   'xfbureau', '62100220200031', '621002', TRUE),
    ('xfbureau3',  '田军',   'xfbureau', '62100220220032', '621002', TRUE),
    ('xfbureau4',  '郭晓燕', 'xfbureau', '62100220240033', '621002', TRUE),
    ('qyinspect1', '高峰',   'qycity',   '62100020180041', '621000', TRUE),
    ('qyinspect2', '白雪',   'qycity',   '62100020200042', '621000', TRUE),
    ('qyinspect3', '范志刚', 'qycity',   '62100020230043', '621000', TRUE);

INSERT INTO inspection_conflict (user_id, enterprise_uscc, reason, recorded_by, recorded_at) VALUES
    ('xfhandler2', '9162100271000011XF', '近亲属在该企业任职（演示）', 'admin', TIMESTAMP '2026-01-05 09:00:00'),
    ('xfbureau2',  '91621002710006968C', '曾在该企业任安全管理人员（演示）', 'admin', TIMESTAMP '2026-01-05 09:00:00');

-- 抽查事项清单 per department. Items of the bureau (行业管理) go to the Xifeng brigade as leads: since the
-- comprehensive enforcement reform the brigade holds the penalty power for road transport (domain.md §1, §9).
INSERT INTO inspection_item (code, department_code, name, legal_basis, competent_organisation_code, demo) VALUES
    ('ZF01', 'xifeng',   '经营许可：取得道路运输经营许可，车辆持有效道路运输证', '道路运输条例第六十三条', 'xifeng', TRUE),
    ('ZF02', 'xifeng',   '驾驶人员取得相应从业资格', '道路运输条例第六十四条', 'xifeng', TRUE),
    ('ZF03', 'xifeng',   '客运车辆按核定线路、班次和站点运行', '道路运输条例第六十八条第一款', 'xifeng', TRUE),
    ('ZF04', 'xifeng',   '车辆装载不超限', '公路安全保护条例第六十四条', 'xifeng', TRUE),
    ('HY01', 'xfbureau', '客运、危险货物运输经营者投保承运人责任险', '道路运输条例第六十七条', 'xifeng', TRUE),
    ('HY02', 'xfbureau', '车辆按规定维护和检测', '道路运输条例第六十九条', 'xifeng', TRUE),
    ('HY03', 'xfbureau', '“两客一危”车辆卫星定位装置接入联网联控系统并正常使用', '道路运输车辆动态监督管理办法（domain.md §5）', 'xifeng', TRUE),
    ('LZ01', 'qycity',   '未经许可不得占用、挖掘公路', '公路法第七十六条第（一）项', 'qycity', TRUE),
    ('LZ02', 'qycity',   '运输途中无撒漏、拖拽损坏路面', '公路安全保护条例第六十九条', 'qycity', TRUE);
