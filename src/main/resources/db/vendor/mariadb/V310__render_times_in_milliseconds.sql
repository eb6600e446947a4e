-- Issue 16: a document is to be made within a second of its step's commit, and supervision reports how long it took
-- (/api/supervision/document-renders). MariaDB's TIMESTAMP keeps whole seconds, so every delay read 0, 1000 or
-- 2000 ms whatever it was; H2's keeps microseconds. Milliseconds here too. (Existing values keep their seconds.)
-- The NOT NULL columns get an explicit default (the app always sets them): on a server running with
-- explicit_defaults_for_timestamp=OFF the first of them would otherwise be given ON UPDATE CURRENT_TIMESTAMP, and
-- every update of a job would move its next attempt to "now".
ALTER TABLE document_render_job
    MODIFY next_attempt_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    MODIFY created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    MODIFY rendered_at     TIMESTAMP(3) NULL;
