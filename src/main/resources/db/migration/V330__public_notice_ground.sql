-- 公告送达 (民事诉讼法 Art. 95) only where the party cannot be found or no other way of service worked, and the
-- file records why and what was tried before (最高人民法院关于适用《中华人民共和国民事诉讼法》的解释 Art. 138).
-- Services recorded before keep both empty.
ALTER TABLE service_record ADD COLUMN public_notice_ground VARCHAR(32);
ALTER TABLE service_record ADD COLUMN public_notice_circumstances VARCHAR(1000);
