-- Issue 16: the 送达回证 of a service recorded in a step, and the volume (一案一卷) of a case archived in a step, are
-- made after the step commits, by the same worker and with the same retries as the documents (document_render_job).
-- work: DOCUMENT (a document of kind), SERVICE_RECEIPT (the receipt of service_record_id), ARCHIVE (the case's
-- volume, whose id is archive_id; kind is then empty). A service recorded while its document is still being
-- rendered names that document once it exists: document_id is empty until then.
ALTER TABLE document_render_job ADD COLUMN work VARCHAR(16) DEFAULT 'DOCUMENT' NOT NULL;
ALTER TABLE document_render_job ADD COLUMN service_record_id BIGINT;
ALTER TABLE document_render_job ADD COLUMN archive_id BIGINT;
ALTER TABLE document_render_job ALTER COLUMN kind SET NULL;
ALTER TABLE service_record ALTER COLUMN document_id SET NULL;
