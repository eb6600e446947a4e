-- The provisions of the violation catalogue are printed on the 行政处罚决定书 as it cites them (行政处罚法 Art. 59(3)):
-- the law's name in 书名号 and, where it is its title, with 中华人民共和国 — 《中华人民共和国道路运输条例》第六十三条第（二）项,
-- not 道路运输条例第六十三条第（二）项. An article number still to be checked is a note of the row (range_note), never
-- part of the provision. Rows an administrator already wrote with 书名号 are left as they are; the discretion table
-- names its bases the same way (bpmn/discretion.dmn), and the bases stored with cases follow.
UPDATE violation SET range_note = CASE WHEN range_note IS NULL THEN '处罚条款条号待核' ELSE CONCAT(range_note, '；处罚条款条号待核') END
 WHERE penalty_clause LIKE '%（条号待核）%' AND (range_note IS NULL OR range_note NOT LIKE '%条号%');
UPDATE violation SET penalty_clause = REPLACE(penalty_clause, '（条号待核）', '') WHERE penalty_clause LIKE '%（条号待核）%';

UPDATE violation SET violated_clause = REPLACE(violated_clause, '道路运输条例', '《中华人民共和国道路运输条例》') WHERE violated_clause NOT LIKE '%《%';
UPDATE violation SET violated_clause = REPLACE(violated_clause, '公路安全保护条例', '《公路安全保护条例》') WHERE violated_clause NOT LIKE '%《%';
UPDATE violation SET violated_clause = REPLACE(violated_clause, '公路法', '《中华人民共和国公路法》') WHERE violated_clause NOT LIKE '%《%';
UPDATE violation SET violated_clause = REPLACE(violated_clause, '建设工程质量管理条例', '《建设工程质量管理条例》') WHERE violated_clause NOT LIKE '%《%';
UPDATE violation SET violated_clause = REPLACE(violated_clause, '网络预约出租汽车经营服务管理暂行办法', '《网络预约出租汽车经营服务管理暂行办法》') WHERE violated_clause NOT LIKE '%《%';
UPDATE violation SET violated_clause = REPLACE(violated_clause, '巡游出租汽车经营服务管理规定', '《巡游出租汽车经营服务管理规定》') WHERE violated_clause NOT LIKE '%《%';

UPDATE violation SET penalty_clause = REPLACE(penalty_clause, '道路运输条例', '《中华人民共和国道路运输条例》') WHERE penalty_clause NOT LIKE '%《%';
UPDATE violation SET penalty_clause = REPLACE(penalty_clause, '公路安全保护条例', '《公路安全保护条例》') WHERE penalty_clause NOT LIKE '%《%';
UPDATE violation SET penalty_clause = REPLACE(penalty_clause, '公路法', '《中华人民共和国公路法》') WHERE penalty_clause NOT LIKE '%《%';
UPDATE violation SET penalty_clause = REPLACE(penalty_clause, '建设工程质量管理条例', '《建设工程质量管理条例》') WHERE penalty_clause NOT LIKE '%《%';
UPDATE violation SET penalty_clause = REPLACE(penalty_clause, '网络预约出租汽车经营服务管理暂行办法', '《网络预约出租汽车经营服务管理暂行办法》') WHERE penalty_clause NOT LIKE '%《%';
UPDATE violation SET penalty_clause = REPLACE(penalty_clause, '巡游出租汽车经营服务管理规定', '《巡游出租汽车经营服务管理规定》') WHERE penalty_clause NOT LIKE '%《%';

-- the bases the discretion table gave cases before (V355 took their notes out); one row may cite two provisions
UPDATE case_penalty SET benchmark_basis = REPLACE(benchmark_basis, '超限运输车辆行驶公路管理规定', '《超限运输车辆行驶公路管理规定》')
 WHERE benchmark_basis LIKE '%超限运输车辆行驶公路管理规定%' AND benchmark_basis NOT LIKE '%《%';
UPDATE case_penalty SET benchmark_basis = REPLACE(benchmark_basis, '道路运输条例', '《中华人民共和国道路运输条例》') WHERE benchmark_basis NOT LIKE '%《中华人民共和国道路运输条例》%' AND benchmark_basis LIKE '道路运输条例%';
UPDATE case_penalty SET benchmark_basis = REPLACE(benchmark_basis, '公路安全保护条例', '《公路安全保护条例》') WHERE benchmark_basis LIKE '公路安全保护条例%';
UPDATE case_penalty SET benchmark_basis = REPLACE(benchmark_basis, '公路法', '《中华人民共和国公路法》') WHERE benchmark_basis LIKE '公路法%';
UPDATE case_penalty SET benchmark_basis = REPLACE(benchmark_basis, '网络预约出租汽车经营服务管理暂行办法', '《网络预约出租汽车经营服务管理暂行办法》') WHERE benchmark_basis LIKE '网络预约出租汽车经营服务管理暂行办法%';
UPDATE case_penalty SET benchmark_basis = REPLACE(benchmark_basis, '巡游出租汽车经营服务管理规定', '《巡游出租汽车经营服务管理规定》') WHERE benchmark_basis LIKE '巡游出租汽车经营服务管理规定%';
