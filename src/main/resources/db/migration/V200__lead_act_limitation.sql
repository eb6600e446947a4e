-- 行政处罚法 Art. 36: the limitation period runs from the act (occurred_on), or from the end of a continuing or
-- repeated act (act_ended_on); it is five years instead of two where the act harmed citizens' life and health or
-- financial security (life_or_finance_harm).
ALTER TABLE case_lead ADD COLUMN act_continuing BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE case_lead ADD COLUMN act_ended_on DATE;
ALTER TABLE case_lead ADD COLUMN life_or_finance_harm BOOLEAN DEFAULT FALSE NOT NULL;
