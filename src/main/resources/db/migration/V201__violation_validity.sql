-- 行政处罚法 Art. 37: a catalogue row is the provision as it read from valid_from to valid_to (both inclusive);
-- NULL = open (in force before any act on record / still in force). An act is judged under the row valid on its date.
ALTER TABLE violation ADD COLUMN valid_from DATE;
ALTER TABLE violation ADD COLUMN valid_to DATE;
