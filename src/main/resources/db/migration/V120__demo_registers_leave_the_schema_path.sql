-- Demo data is seeded by the demo profile (DemoInspectionRegisters, resources/demo/inspection-registers.sql), not by
-- schema migrations. V22's demo registers are taken out again where nothing refers to them: on a database where no
-- joint inspection was ever planned (no plan, visit, finding or draw can name a demo enterprise, inspector or item).
-- Where inspections were planned the demo rows stay as they are, and the demo seed finds them present.
DELETE FROM inspection_conflict
WHERE NOT EXISTS (SELECT 1 FROM inspection_plan)
  AND ((user_id = 'xfhandler2' AND enterprise_uscc = '9162100271000011XF')
    OR (user_id = 'xfbureau2' AND enterprise_uscc = '91621002710006968C'));

DELETE FROM inspection_vehicle
WHERE demo = TRUE AND NOT EXISTS (SELECT 1 FROM inspection_plan);

DELETE FROM inspection_enterprise
WHERE demo = TRUE AND NOT EXISTS (SELECT 1 FROM inspection_plan)
  AND NOT EXISTS (SELECT 1 FROM inspection_vehicle v WHERE v.enterprise_uscc = inspection_enterprise.uscc)
  AND NOT EXISTS (SELECT 1 FROM inspection_conflict c WHERE c.enterprise_uscc = inspection_enterprise.uscc);

DELETE FROM inspection_inspector
WHERE demo = TRUE AND NOT EXISTS (SELECT 1 FROM inspection_plan)
  AND NOT EXISTS (SELECT 1 FROM inspection_conflict c WHERE c.user_id = inspection_inspector.user_id);

DELETE FROM inspection_item
WHERE demo = TRUE AND NOT EXISTS (SELECT 1 FROM inspection_plan)
  AND NOT EXISTS (SELECT 1 FROM inspection_finding f WHERE f.item_code = inspection_item.code);
