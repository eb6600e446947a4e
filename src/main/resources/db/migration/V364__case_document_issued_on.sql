-- The day a document bears (its 落款日期): the day its step asked for it, or the day a notice written out on paper
-- before its step was recorded was given (违法行为通知书, 听证通知书). A service recorded later on the documents page
-- cannot be earlier than it. Documents made before this column have none: their day of making stands in.
ALTER TABLE case_document ADD COLUMN issued_on DATE;
