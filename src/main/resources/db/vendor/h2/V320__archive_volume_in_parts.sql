-- The archived volume (一案一卷) is kept in parts of a few MiB, in order, instead of one value in case_archive: a
-- volume holds every document and evidence file of its case and has no upper size, while MariaDB takes a statement
-- of at most max_allowed_packet bytes (16 MiB by default) and InnoDB refuses a single BLOB value over a tenth of its
-- redo log. With one value, a case with more evidence than that could never be archived, and its whole volume sat
-- in the application's memory several times while it was stored and served. A volume stored before keeps its
-- bytes as its one part (part_no 0).
CREATE TABLE case_archive_part (
    archive_id  BIGINT  NOT NULL,
    part_no     INT     NOT NULL,
    content     BLOB NOT NULL,
    CONSTRAINT pk_case_archive_part PRIMARY KEY (archive_id, part_no),
    CONSTRAINT fk_case_archive_part_archive FOREIGN KEY (archive_id) REFERENCES case_archive (id)
);
INSERT INTO case_archive_part (archive_id, part_no, content) SELECT id, 0, content FROM case_archive;
ALTER TABLE case_archive DROP COLUMN content;
