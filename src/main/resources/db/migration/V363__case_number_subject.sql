-- Which of a case's documents of one series a number belongs to (domain.md §3.3): a case may take more than one
-- 先行登记保存 or 扣押 in its life (a second one after the first was released, another after the case was sent back
-- for more investigation), and each measure's documents are acts of their own with numbers of their own. Numbers
-- allocated before this column have none: such a document made again (a step completed again) takes a new number.
ALTER TABLE case_number ADD COLUMN subject VARCHAR(64);
