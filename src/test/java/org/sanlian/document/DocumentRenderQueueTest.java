package org.sanlian.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.platform.StoredFile;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DisplayName("documents rendered after the step commits (issue 16) — domain.md §3, 一案一卷 (行政处罚法 Art. 47)")
class DocumentRenderQueueTest extends SanlianSpringTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    DocumentRenderQueue queue;

    @Autowired
    DocumentRenderJobRepository jobs;

    @Autowired
    Documents documents;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ServiceRecords serviceRecords;

    @Autowired
    ServiceRecordRepository serviceRecordRows;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    CaseArchives archives;

    @Test
    @DisplayName("9号令 Art. 63: the 立案登记表 asked for at filing is rendered once the filing has committed, and its job records the document and its SHA-256")
    void filingFormRenderedAfterCommitWithItsHash() {
        String caseNumber = filedCase("渲染队列测试运输公司甲").getBusinessKey();

        List<DocumentRenderJob> asked = jobs.findByCaseNumberAndStatusIn(caseNumber,
                List.of(DocumentRenderJob.Status.values()));
        assertThat(asked).singleElement().satisfies(job -> {
            assertThat(job.getKind()).isEqualTo(DocumentKind.FILING_FORM);
            assertThat(job.getStatus()).isEqualTo(DocumentRenderJob.Status.DONE);
            assertThat(job.getStep()).isEqualTo("fileCase");
            CaseDocument document = documents.byId(job.getDocumentId());
            assertThat(document.getCaseNumber()).isEqualTo(caseNumber);
            assertThat(job.getDocumentSha256()).isEqualTo(document.getFile().getSha256())
                    .isEqualTo(StoredFile.sha256(document.getFile().getContent()));
        });
        assertThat(queue.pendingKinds(caseNumber)).isEmpty();
    }

    @Test
    @DisplayName("issue 16, documents within a second: the queue keeps when a document was asked for and made to the millisecond (MariaDB's TIMESTAMP kept whole seconds), so supervision's delays are not rounded to seconds")
    void renderTimesKeepMilliseconds() {
        String caseNumber = filedCase("渲染计时测试运输公司").getBusinessKey();
        long id = jobs.findByCaseNumberAndStatusIn(caseNumber, List.of(DocumentRenderJob.Status.values())).get(0).getId();

        jdbc.update("UPDATE document_render_job SET created_at = ?, rendered_at = ? WHERE id = ?",
                Timestamp.from(Instant.parse("2026-12-06T08:00:00.123Z")),
                Timestamp.from(Instant.parse("2026-12-06T08:00:00.456Z")), id);

        assertThat(jdbc.queryForObject("SELECT created_at FROM document_render_job WHERE id = ?", Timestamp.class, id)
                .getNanos()).isEqualTo(123_000_000);
        assertThat(jdbc.queryForObject("SELECT rendered_at FROM document_render_job WHERE id = ?", Timestamp.class, id)
                .getNanos()).isEqualTo(456_000_000);
    }

    @Test
    @DisplayName("domain.md §3: a document whose rendering fails is kept, tried again, and shown to the legal supervisor until it is made — never lost")
    void failedRenderIsRetriedAndShownToSupervision() {
        String caseNumber = filedCase("渲染队列测试运输公司乙").getBusinessKey();
        // a job whose stored variables cannot be read: every render of it fails
        DocumentRenderJob broken = jobs.save(new DocumentRenderJob(caseNumber, DocumentKind.INVESTIGATION_REPORT,
                null, "investigationReport", "xfhandler1", new byte[] {1, 2, 3}, Instant.now()));

        queue.renderDue();

        DocumentRenderJob tried = jobs.findById(broken.getId()).orElseThrow();
        assertThat(tried.getStatus()).isEqualTo(DocumentRenderJob.Status.PENDING);
        assertThat(tried.getAttempts()).isEqualTo(1);
        assertThat(tried.getLastError()).contains("unreadable");
        assertThat(tried.getNextAttemptAt()).isAfter(tried.getCreatedAt());
        // still owed to the file: the closure gate counts it as asked for, the supervisor sees why it is late
        assertThat(queue.pendingKinds(caseNumber)).contains(DocumentKind.INVESTIGATION_REPORT);
        JsonNode state = json(get("citysupervisor", "/api/supervision/document-renders"));
        assertThat(state.path("retrying").asLong()).isPositive();
        assertThat(ids(state.path("failures"))).contains(broken.getId());
        assertThat(get("xfhandler1", "/api/supervision/document-renders").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // the cause is repaired; the next try that comes due makes the document
        jdbc.update("update document_render_job set variables = ?, next_attempt_at = ? where id = ?",
                DocumentRenderQueue.serialize(Map.of("facts", "当事人驾驶车辆载客收费", "legalBasis", "《道路运输条例》第六十三条")),
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), broken.getId());
        assertThat(queue.renderDue()).isEqualTo(1);

        DocumentRenderJob made = jobs.findById(broken.getId()).orElseThrow();
        assertThat(made.getStatus()).isEqualTo(DocumentRenderJob.Status.DONE);
        assertThat(documents.byId(made.getDocumentId()).getKind()).isEqualTo(DocumentKind.INVESTIGATION_REPORT);
        assertThat(ids(json(get("citysupervisor", "/api/supervision/document-renders")).path("failures")))
                .doesNotContain(broken.getId());
    }

    @Test
    @DisplayName("行政处罚法 Art. 44, 9号令 templates: a notice rendered days after its step asked for it — the render failed and was tried again — is dated the day of the step, not the day it was made")
    void aLateRenderIsDatedTheDayItsStepAskedForIt() throws java.io.IOException {
        String party = "渲染日期测试运输公司";
        String caseNumber = filedCase(party).getBusinessKey();
        queue.renderPendingOf(caseNumber);
        java.time.LocalDate asked = java.time.LocalDate.now(org.sanlian.platform.ChinaTime.CHINA).minusDays(3);
        DocumentRenderJob late = jobs.save(new DocumentRenderJob(caseNumber, DocumentKind.PRE_PENALTY_NOTICE, null,
                "issueNotice", "xfhandler1", DocumentRenderQueue.serialize(Map.of("partyName", party)),
                asked.atTime(10, 0).atZone(org.sanlian.platform.ChinaTime.CHINA).toInstant()));

        queue.renderPendingOf(caseNumber);

        CaseDocument notice = documents.byId(jobs.findById(late.getId()).orElseThrow().getDocumentId());
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(notice.getFile().getContent())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
        }
        assertThat(text).contains(asked.format(DocumentDates.CHINESE_DATE))
                .doesNotContain(java.time.LocalDate.now(org.sanlian.platform.ChinaTime.CHINA)
                        .format(DocumentDates.CHINESE_DATE));
    }

    @Test
    @DisplayName("行政处罚法 Art. 61: a service recorded while its document is still being rendered names that document once it is made, and its 送达回证 follows it")
    void serviceRecordedBeforeItsDocumentIsMadeNamesItAfterwards() {
        String party = "渲染队列测试运输公司丙";
        String caseNumber = filedCase(party).getBusinessKey();
        // the notice asked for by a step and not rendered yet (no commit has triggered it)
        DocumentRenderJob asked = jobs.save(new DocumentRenderJob(caseNumber, DocumentKind.PRE_PENALTY_NOTICE, null,
                "noticeService", "xfhandler1", DocumentRenderQueue.serialize(Map.of("partyName", party)),
                Instant.now()));

        ServiceRecord record = serviceRecords.serveLatest(caseNumber, DocumentKind.PRE_PENALTY_NOTICE,
                servedTodayTo(party)::get, Map.of(), "xfhandler1");

        DocumentRenderJob notice = jobs.findById(asked.getId()).orElseThrow();
        assertThat(notice.getStatus()).isEqualTo(DocumentRenderJob.Status.DONE);
        ServiceRecord recorded = serviceRecordRows.findById(record.getId()).orElseThrow();
        assertThat(recorded.getDocumentId()).as("the service names the notice once it is made")
                .isEqualTo(notice.getDocumentId());
        CaseDocument receipt = documents.byId(recorded.getReceiptDocumentId());
        assertThat(receipt.getKind()).isEqualTo(DocumentKind.SERVICE_RECEIPT);
        assertThat(jobs.findByCaseNumberAndStatusIn(caseNumber, List.of(DocumentRenderJob.Status.values())))
                .filteredOn(job -> job.getWork() == DocumentRenderJob.Work.SERVICE_RECEIPT).singleElement()
                .satisfies(job -> {
                    assertThat(job.getServiceRecordId()).isEqualTo(record.getId());
                    assertThat(job.getDocumentId()).isEqualTo(receipt.getId());
                    assertThat(job.getDocumentSha256()).isEqualTo(receipt.getFile().getSha256());
                });
    }

    @Test
    @DisplayName("issue 16: a service step renders nothing itself: the document served, the case's other documents and the 送达回证 are made after it commits, and count as in the file meanwhile")
    void serviceStepRendersNothingItself() {
        String party = "渲染队列测试运输公司丁";
        String caseNumber = filedCase(party).getBusinessKey();
        DocumentRenderJob notice = jobs.save(new DocumentRenderJob(caseNumber, DocumentKind.PRE_PENALTY_NOTICE, null,
                "noticeService", "xfhandler1", DocumentRenderQueue.serialize(Map.of("partyName", party)),
                Instant.now()));
        DocumentRenderJob report = jobs.save(new DocumentRenderJob(caseNumber, DocumentKind.INVESTIGATION_REPORT, null,
                "investigationReport", "xfhandler1", DocumentRenderQueue.serialize(Map.of("partyName", party)),
                Instant.now()));

        ServiceRecord record = new TransactionTemplate(transactions).execute(step -> {
            ServiceRecord served = serviceRecords.serveLatest(caseNumber, DocumentKind.PRE_PENALTY_NOTICE,
                    servedTodayTo(party)::get, Map.of(), "xfhandler1");
            // inside the step: nothing rendered, the receipt asked for, all of it counted as in the file
            assertThat(jobs.findById(notice.getId()).orElseThrow().getStatus()).isEqualTo(DocumentRenderJob.Status.PENDING);
            assertThat(jobs.findById(report.getId()).orElseThrow().getStatus()).isEqualTo(DocumentRenderJob.Status.PENDING);
            assertThat(served.getReceiptDocumentId()).isNull();
            assertThat(queue.pendingKinds(caseNumber)).contains(DocumentKind.PRE_PENALTY_NOTICE,
                    DocumentKind.INVESTIGATION_REPORT, DocumentKind.SERVICE_RECEIPT);
            assertThat(queue.pendingReceipts(caseNumber)).containsExactly(served.getId());
            return served;
        });

        // once the step has committed (the suite renders right after the commit, as the worker would)
        assertThat(jobs.findByCaseNumberAndStatusIn(caseNumber, List.of(DocumentRenderJob.Status.PENDING))).isEmpty();
        assertThat(serviceRecordRows.findById(record.getId()).orElseThrow().getReceiptDocumentId()).isNotNull();
    }

    @Test
    @DisplayName("行政处罚法 Art. 47: a 送达回证 made while the closing step runs (between its two looks at the file) is found in the file, not missed between 'being made' and 'made'")
    void receiptMadeDuringTheClosingStepIsInTheFile() {
        String party = "渲染队列测试运输公司己";
        String caseNumber = filedCase(party).getBusinessKey();
        jobs.save(new DocumentRenderJob(caseNumber, DocumentKind.PRE_PENALTY_NOTICE, null, "noticeService",
                "xfhandler1", DocumentRenderQueue.serialize(Map.of("partyName", party)), Instant.now()));
        ServiceRecord record = new TransactionTemplate(transactions).execute(step -> serviceRecords.serveLatest(
                caseNumber, DocumentKind.PRE_PENALTY_NOTICE, servedTodayTo(party)::get, Map.of(), "xfhandler1"));
        // the notice served in an earlier step, its 送达回证 still to be made when the closing step starts
        jdbc.update("update service_record set receipt_document_id = null where id = ?", record.getId());
        jobs.save(DocumentRenderJob.receipt(record, "service", "xfhandler2",
                DocumentRenderQueue.serialize(Map.of("partyName", party)), Instant.now()));
        String receipt = DocumentKind.PRE_PENALTY_NOTICE.title() + "的送达回证（送达记录）";
        Map<String, Object> penalty = Map.of("proposedOutcome", "penalty");

        List<List<String>> looks = new TransactionTemplate(transactions).execute(closingStep -> {
            // the step's rule looks at the file: the receipt is being made, so it counts as in the file
            List<String> first = archives.missing(caseNumber, penalty, false);
            // meanwhile the render worker makes it and commits (its own transaction, as on another thread)
            queue.renderDue();
            // the archiving at the process's end looks again, in the same transaction
            return List.of(first, archives.missing(caseNumber, penalty, false));
        });

        assertThat(serviceRecordRows.findById(record.getId()).orElseThrow().getReceiptDocumentId()).isNotNull();
        assertThat(looks.get(0)).doesNotContain(receipt);
        assertThat(looks.get(1)).doesNotContain(receipt);
    }

    private static Map<String, Object> servedTodayTo(String party) {
        return Map.of("serviceMethod", "direct", "servedOn",
                java.time.LocalDate.now(org.sanlian.platform.ChinaTime.CHINA).toString(), "recipient", party,
                "receiptSignature", "signed");
    }

    @Test
    @DisplayName("issue 16: each render thread takes its own slice of the due jobs; the slices together render every job once")
    void renderThreadsShareTheJobsBySlice() {
        String party = "渲染队列测试运输公司戊";
        String caseNumber = filedCase(party).getBusinessKey();
        List<DocumentRenderJob> asked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            asked.add(jobs.save(new DocumentRenderJob(caseNumber, DocumentKind.INVESTIGATION_REPORT, null,
                    "investigationReport", "xfhandler1", DocumentRenderQueue.serialize(Map.of("partyName", party)),
                    Instant.now())));
        }
        long evenIds = asked.stream().filter(job -> job.getId() % 2 == 0).count();

        int first = queue.renderDue(0, 2);

        // the slice renders its own jobs (and any other due job of slice 0 an earlier test left); the odd ones wait
        assertThat(first).isGreaterThanOrEqualTo((int) evenIds);
        for (DocumentRenderJob job : asked) {
            assertThat(jobs.findById(job.getId()).orElseThrow().getStatus()).isEqualTo(job.getId() % 2 == 0
                    ? DocumentRenderJob.Status.DONE : DocumentRenderJob.Status.PENDING);
        }
        queue.renderDue(1, 2);
        assertThat(asked).allSatisfy(job -> assertThat(jobs.findById(job.getId()).orElseThrow().getStatus())
                .isEqualTo(DocumentRenderJob.Status.DONE));
        assertThat(documents.of(caseNumber).stream()
                .filter(d -> d.kind() == DocumentKind.INVESTIGATION_REPORT)).hasSize(4);
    }

    @Test
    @DisplayName("the step's variables reach the document as they were: dates stay dates, numbers numbers, other values as their text")
    void variablesKeptWithTheirTypes() {
        java.util.Date due = new java.util.Date();
        Map<String, Object> kept = DocumentRenderQueue.deserialize(DocumentRenderQueue.serialize(
                Map.of("decisionDeadline", due, "proposedFine", 20000L, "partyName", "𠮷野家", "other", new Object() {
                    @Override
                    public String toString() {
                        return "文本";
                    }
                })));
        assertThat(kept).containsEntry("decisionDeadline", due).containsEntry("proposedFine", 20000L)
                .containsEntry("partyName", "𠮷野家").containsEntry("other", "文本");
    }

    private static List<Long> ids(JsonNode failures) {
        List<Long> ids = new ArrayList<>();
        failures.forEach(f -> ids.add(f.path("id").asLong()));
        return ids;
    }

    private ProcessInstance filedCase(String party) {
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", party, "summary", "未取得道路运输经营许可，擅自从事道路客运经营", "organisationCode", "xifeng"));
        taskService.complete(task("verifyLead", lead).getId(), Map.of("verificationFindings", "核查属实", "occurredOn", actToday()));
        taskService.complete(task("decideFiling", lead).getId(), Map.of("filingDecision", "file"));
        String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(lead.getId()).variableName("caseNumber").singleResult().getValue();
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("generalProcedure")
                .processInstanceBusinessKey(caseNumber).singleResult();
    }
}
