package org.sanlian.document;

import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.StoredFile;
import org.sanlian.support.Notices;
import org.sanlian.platform.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.casefile.CaseStatus;
import org.sanlian.casefile.evidence.EvidenceService;
import org.sanlian.support.SanlianSpringTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("documents, service records and the archive — domain.md §2.11, §2.14, §3")
@ExtendWith(OutputCaptureExtension.class)
class CaseDocumentsTest extends SanlianSpringTest {

    static final LocalDate TODAY = LocalDate.now(ChinaTime.CHINA);

    @Autowired
    DocumentRenderJobRepository renderJobs;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    EvidenceService evidence;

    @Autowired
    Documents documents;

    @Autowired
    DocumentRenderer renderer;

    @Autowired
    CaseArchives archives;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    @DisplayName("行政处罚法 Art. 59, 9号令 template 15: the penalty decision PDF carries the party's name, the case number and the decision number as extractable Chinese text, in embedded fonts")
    void penaltyDecisionPdf() throws IOException {
        String party = "庆阳陇东客运有限公司";
        ProcessInstance instance = decidedPenalty(party, 3000);
        String caseNumber = caseNumberOf(instance);
        String decisionNumber = (String) runtimeService.getVariable(instance.getId(), "decisionNumber");

        JsonNode list = json(get("xfhandler1", "/api/cases/" + caseNumber + "/documents"));
        // the notice's 送达回证 is made when the notice is served (行政处罚法 Art. 44, 9号令 template 23)
        assertThat(kinds(list)).containsExactly("FILING_FORM", "INVESTIGATION_REPORT", "PRE_PENALTY_NOTICE",
                "SERVICE_RECEIPT", "PENALTY_DECISION");
        // each made by its step, named as officers know it (the decision by 处罚决定审批, whose rule is penaltyDecision)
        List<String> stepNames = new java.util.ArrayList<>();
        list.forEach(d -> stepNames.add(d.path("stepName").asText()));
        assertThat(stepNames).doesNotContain("", "办案记录").allMatch(name -> name.matches("[\\u4e00-\\u9fff（）、]+"));
        assertThat(list.get(4).path("step").asText()).isEqualTo("penaltyDecision");
        assertThat(list.get(4).path("stepName").asText()).isEqualTo("处罚决定审批");
        JsonNode decision = list.get(4);
        assertThat(decision.path("title").asText()).isEqualTo("行政处罚决定书");
        assertThat(decision.path("documentNumber").asText()).isEqualTo(decisionNumber);
        assertThat(decision.path("version").asInt()).isEqualTo(1);

        ResponseEntity<byte[]> pdf = bytes("xfhandler1", decision.path("contentUrl").asText());
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(StoredFile.sha256(pdf.getBody())).isEqualTo(decision.path("sha256").asText())
                .isEqualTo(pdf.getHeaders().getFirst("X-Content-SHA256"));
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            String text = text(document);
            assertThat(text).contains(party, caseNumber, decisionNumber, "行政处罚决定书", "罚款 3000 元");
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                }
            }
        }
        // another organisation's officer does not see the case's documents
        assertThat(get("qchandler1", "/api/cases/" + caseNumber + "/documents").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("operators' log: making a document writes no PDFBox warning about the PDF base fonts (Courier, Times …) it does not use")
    void renderingWarnsOfNoUnusedBaseFont(CapturedOutput output) throws IOException {
        String caseNumber = caseNumberOf(decidedPenalty("庆阳陇东客运有限公司", 3000));

        JsonNode decision = json(get("xfhandler1", "/api/cases/" + caseNumber + "/documents")).get(4);
        try (PDDocument document = Loader.loadPDF(bytes("xfhandler1", decision.path("contentUrl").asText()).getBody())) {
            assertThat(text(document)).contains("庆阳陇东客运有限公司", "行政处罚决定书");
        }
        assertThat(output.getAll()).doesNotContain("Using fallback font");
    }

    @Test
    @DisplayName("行政处罚法 Art. 59 (the decision names the party): a party name with CJK Extension B characters (𠮷 U+20BB7, 𩸽 U+29E3D) prints as those characters, in the fonts the build bundles")
    void extensionBCharactersPrint() throws IOException {
        String party = "𠮷野家𩸽鱼庄";
        ProcessInstance instance = decidedPenalty(party, 3000);
        String caseNumber = caseNumberOf(instance);

        JsonNode decision = json(get("xfhandler1", "/api/cases/" + caseNumber + "/documents")).get(4);
        ResponseEntity<byte[]> pdf = bytes("xfhandler1", decision.path("contentUrl").asText());
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            String text = text(document);
            assertThat(text).contains("𠮷野家", "𩸽鱼庄").doesNotContain("#");
        }
    }

    @Test
    @DisplayName("民事诉讼法 Art. 89, 9号令 template 23: a refused service must be left at the residence with a witness; the 送达回证 records method, date, recipient and refusal, and the 15-day payment period (Art. 67) reads its date")
    void serviceRecord() throws IOException {
        ProcessInstance instance = decidedPenalty("某运输公司乙", 2000);
        String caseNumber = caseNumberOf(instance);
        String serveTask = task("serveDecision", instance).getId();
        // served the day it was decided (a service before the decision is refused, issue 11)
        LocalDate servedOn = TODAY;

        Map<String, Object> refusedInPerson = Map.of("serviceMethod", "direct", "servedOn", servedOn.toString(),
                "recipient", "张某（法定代表人）", "receiptSignature", "refused");
        ResponseEntity<String> refused = post("xfhandler1", "/engine-rest/task/" + serveTask + "/submit-form",
                variables(refusedInPerson));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).containsExactly("receiptSignature");

        Map<String, Object> leftWithoutWitness = new HashMap<>(refusedInPerson);
        leftWithoutWitness.put("serviceMethod", "leftAtResidence");
        ResponseEntity<String> noWitness = post("xfhandler1", "/engine-rest/task/" + serveTask + "/submit-form",
                variables(leftWithoutWitness));
        assertThat(fields(noWitness)).containsExactly("refusalWitness");
        assertThat(instance).isWaitingAt("serveDecision");

        Map<String, Object> leftWithWitness = new HashMap<>(leftWithoutWitness);
        leftWithWitness.put("refusalWitness", "村委会主任王某到场见证，并录像");
        assertThat(post("xfhandler1", "/engine-rest/task/" + serveTask + "/submit-form", variables(leftWithWitness))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode services = json(get("xfhandler1", "/api/cases/" + caseNumber + "/services"));
        // the notice's service (made at 违法行为通知书), then the decision's
        assertThat(services).hasSize(2);
        assertThat(services.get(0).path("documentKind").asText()).isEqualTo("PRE_PENALTY_NOTICE");
        JsonNode service = services.get(1);
        assertThat(service.path("documentKind").asText()).isEqualTo("PENALTY_DECISION");
        assertThat(service.path("method").asText()).isEqualTo("leftAtResidence");
        assertThat(service.path("servedOn").asText()).isEqualTo(servedOn.toString());
        assertThat(service.path("recipient").asText()).isEqualTo("张某（法定代表人）");
        assertThat(service.path("receipt").asText()).isEqualTo("refused");
        assertThat(runtimeService.getVariable(instance.getId(), "paymentDueDate"))
                .isEqualTo(LocalDate.parse(service.path("effectiveOn").asText()).plusDays(15).toString());

        ResponseEntity<byte[]> receipt = bytes("xfhandler1", "/api/documents/" + service.path("receiptDocumentId").asLong() + "/content");
        try (PDDocument document = Loader.loadPDF(receipt.getBody())) {
            assertThat(text(document))
                    .contains("送达回证", "行政处罚决定书", "留置送达", "张某（法定代表人）", "受送达人拒绝签收", "王某");
        }

        // the pre-penalty notice is served through the API; electronic service needs the party's signed consent
        long noticeId = idOf(json(get("xfhandler1", "/api/cases/" + caseNumber + "/documents")), "PRE_PENALTY_NOTICE");
        Map<String, Object> electronic = new LinkedHashMap<>(Map.of("serviceMethod", "electronic",
                "servedOn", TODAY.toString(), "recipient", "某运输公司乙", "receiptSignature", "signed",
                "serviceAddress", "yunshu@example.com"));
        ResponseEntity<String> withoutConsent = post("xfhandler1", "/api/documents/" + noticeId + "/services", electronic);
        assertThat(withoutConsent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(withoutConsent)).containsExactly("electronicConsent");
        electronic.put("electronicConsent", true);
        ResponseEntity<String> served = post("xfhandler1", "/api/documents/" + noticeId + "/services", electronic);
        assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(served).path("documentKind").asText()).isEqualTo("PRE_PENALTY_NOTICE");
        assertThat(json(get("xfhandler1", "/api/cases/" + caseNumber + "/services"))).hasSize(3);
        // the same service sent again (a double click): 409 naming the one on record, no second 送达回证
        long receipts = json(get("xfhandler1", "/api/cases/" + caseNumber + "/documents")).findValuesAsText("kind")
                .stream().filter("SERVICE_RECEIPT"::equals).count();
        ResponseEntity<String> again = post("xfhandler1", "/api/documents/" + noticeId + "/services", electronic);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fields(again)).containsExactly("document");
        assertThat(json(again).path("conflictsWith").path("serviceId").asLong()).isEqualTo(json(served).path("id").asLong());
        assertThat(json(get("xfhandler1", "/api/cases/" + caseNumber + "/documents")).findValuesAsText("kind")
                .stream().filter("SERVICE_RECEIPT"::equals).count()).isEqualTo(receipts);

        // 送达 is of what the party is given (行政处罚法 Art. 61): not of a 送达回证 or an internal 副卷 record; not on a
        // day before the document was made; to a recipient named in words
        JsonNode documents = json(get("xfhandler1", "/api/cases/" + caseNumber + "/documents"));
        Map<String, Object> direct = Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(),
                "recipient", "某运输公司乙", "receiptSignature", "signed");
        for (String notServed : List.of("INVESTIGATION_REPORT", "SERVICE_RECEIPT")) {
            ResponseEntity<String> refusedKind = post("xfhandler1",
                    "/api/documents/" + idOf(documents, notServed) + "/services", direct);
            assertThat(refusedKind.getStatusCode()).as(notServed).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(fields(refusedKind)).as(notServed).containsExactly("document");
        }
        Map<String, Object> early = new HashMap<>(direct);
        early.put("servedOn", "2020-01-01");
        ResponseEntity<String> beforeMade = post("xfhandler1", "/api/documents/" + noticeId + "/services", early);
        assertThat(beforeMade.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(beforeMade)).containsExactly("servedOn");
        Map<String, Object> recipientAsObject = new HashMap<>(direct);
        recipientAsObject.put("recipient", Map.of("name", "某运输公司乙"));
        ResponseEntity<String> notText = post("xfhandler1", "/api/documents/" + noticeId + "/services",
                recipientAsObject);
        assertThat(notText.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(notText)).containsExactly("recipient");
        assertThat(json(get("xfhandler1", "/api/cases/" + caseNumber + "/services"))).hasSize(3);
    }

    @Test
    @DisplayName("一案一卷 (行政处罚法 Art. 47, domain.md §2.14): closing a case whose decision has no service record is refused, naming the missing 送达回证, and the task stays open")
    void closureWithoutServiceRefused() {
        ProcessInstance instance = decidedPenalty("某公司丙", 2000);
        // the token is moved past service (as an administrator can do in Cockpit): no service was recorded
        runtimeService.createProcessInstanceModification(instance.getId())
                .cancelAllForActivity("serveDecision").startBeforeActivity("closeCase").execute();
        String closeTask = task("closeCase", instance).getId();

        ResponseEntity<String> refused = post("xfhandler1", "/engine-rest/task/" + closeTask + "/submit-form",
                variables(Map.of("closureReport", "罚款已缴纳")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).containsExactly("closureReport");
        assertThat(json(refused).path("errors").get(0).path("message").asText()).contains("行政处罚决定书的送达回证");
        assertThat(instance).isWaitingAt("closeCase");
        assertThat(task("closeCase", instance).getId()).isEqualTo(closeTask);
        assertThat(json(get("xfhandler1", "/api/cases/" + caseNumberOf(instance) + "/documents")))
                .noneMatch(d -> d.path("kind").asText().equals("CLOSURE_REPORT"));
    }

    @Test
    @DisplayName("一案一卷 (行政处罚法 Arts. 44, 47, 62): closing a penalty case whose 违法行为通知书 has no service record is refused, naming the notice's missing 送达回证; once the notice's service is recorded the report is accepted")
    void closureWithoutTheNoticeServiceRefused() {
        ProcessInstance instance = decidedPenalty("某公司庚", 2000);
        String caseNumber = caseNumberOf(instance);
        complete(instance, "serveDecision", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(),
                "recipient", "某公司庚", "receiptSignature", "signed"));
        complete(instance, "recordPayment", Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(), "amountPaid", 2000));
        // a case whose notice was served before its 送达回证 was kept (an instance of an earlier model): no record
        jdbc.update("delete from service_record where case_number = ? and document_kind = 'PRE_PENALTY_NOTICE'",
                caseNumber);
        String closeTask = task("closeCase", instance).getId();

        ResponseEntity<String> refused = post("xfhandler1", "/engine-rest/task/" + closeTask + "/submit-form",
                variables(Map.of("closureReport", "罚款已缴纳")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).containsExactly("closureReport");
        assertThat(json(refused).path("errors").get(0).path("message").asText()).contains("违法行为通知书的送达回证");
        assertThat(instance).isWaitingAt("closeCase");

        long noticeId = idOf(json(get("xfhandler1", "/api/cases/" + caseNumber + "/documents")), "PRE_PENALTY_NOTICE");
        assertThat(post("xfhandler1", "/api/documents/" + noticeId + "/services", Map.of("serviceMethod", "direct",
                "servedOn", TODAY.toString(), "recipient", "某公司庚", "receiptSignature", "signed")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        complete(instance, "closeCase", Map.of("closureReport", "罚款已缴纳，案件执行完毕"));
        assertThat(instance).isWaitingAt("approveClosure");
    }

    @Test
    @DisplayName("一案一卷 (domain.md §2.14): the archive of a finished penalty case lists 正卷 then 副卷 in statutory order with their SHA-256, and every hash matches the stored file and the file in the volume; a volume the database cannot keep is refused with the reason")
    void archiveOfFinishedCase() throws IOException {
        ProcessInstance instance = decidedPenalty("某客运公司丁", 2000);
        String caseNumber = caseNumberOf(instance);
        evidence.add(caseNumber, "DOCUMENTARY", "车辆行驶证复印件", "licence.txt", "text/plain",
                "行驶证 甘M12345".getBytes(StandardCharsets.UTF_8), "xfhandler1");
        complete(instance, "serveDecision", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(),
                "recipient", "某客运公司丁", "receiptSignature", "signed"));
        complete(instance, "recordPayment", Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(), "amountPaid", 2000));
        complete(instance, "closeCase", Map.of("closureReport", "罚款已缴纳，案件执行完毕"));
        // the 结案报告's full-process record runs from the lead on: registered, verified, filed (Art. 47; found in
        // Chromium: it began at 调查取证)
        assertThat(org.sanlian.support.PdfText.flat(org.sanlian.support.PdfText.text(
                latestPdf(caseNumber, "CLOSURE_REPORT")))).contains("案源已登记", "案源已核查", "核查属实", "案源已立案");
        complete(instance, "approveClosure", Map.of("closureDecision", "approve"));
        assertThat(instance).isEnded().hasPassed("archiveCase");
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.ARCHIVED);

        // the archived file does not change (一案一卷, Art. 47): no evidence and no service is added to it any more
        assertThatThrownBy(() -> evidence.add(caseNumber, "DOCUMENTARY", "归档后补充的证据", "late.txt", "text/plain",
                "补充".getBytes(StandardCharsets.UTF_8), "xfhandler1"))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.violations())
                        .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("caseNumber")));
        long decisionId = idOf(json(get("xfhandler1", "/api/cases/" + caseNumber + "/documents")), "PENALTY_DECISION");
        ResponseEntity<String> lateService = post("xfhandler1", "/api/documents/" + decisionId + "/services",
                Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(), "recipient", "某客运公司丁",
                        "receiptSignature", "signed"));
        assertThat(lateService.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(lateService)).containsExactly("caseNumber");

        JsonNode index = json(get("xfhandler1", "/api/cases/" + caseNumber + "/archive"));
        assertThat(index.path("ending").asText()).isEqualTo("作出行政处罚决定");
        List<String> order = new ArrayList<>();
        List<String> volumes = new ArrayList<>();
        index.path("entries").forEach(e -> {
            order.add(e.path("kind").asText());
            volumes.add(e.path("volume").asText());
        });
        // two 送达回证: the notice's and the decision's
        assertThat(order).containsExactly("FILING_FORM", "PENALTY_DECISION", "PRE_PENALTY_NOTICE", "SERVICE_RECEIPT",
                "SERVICE_RECEIPT", "EVIDENCE", "INVESTIGATION_REPORT", "CLOSURE_REPORT");
        assertThat(volumes).containsExactly("正卷", "正卷", "正卷", "正卷", "正卷", "正卷", "副卷", "副卷");

        ResponseEntity<byte[]> volume = bytes("xfhandler1", index.path("contentUrl").asText());
        assertThat(StoredFile.sha256(volume.getBody())).isEqualTo(index.path("archiveSha256").asText());
        // issue 16: the volume is assembled once 结案审批 has committed, by the render queue, which records its hash
        assertThat(renderJobs.findByCaseNumberAndStatusIn(caseNumber, List.of(DocumentRenderJob.Status.values())))
                .filteredOn(job -> job.getWork() == DocumentRenderJob.Work.ARCHIVE).singleElement().satisfies(job -> {
                    assertThat(job.getStatus()).isEqualTo(DocumentRenderJob.Status.DONE);
                    assertThat(job.getStep()).isEqualTo("archiveCase");
                    assertThat(job.getDocumentSha256()).isEqualTo(index.path("archiveSha256").asText());
                });
        Map<String, byte[]> files = unzip(volume.getBody());
        assertThat(files).containsKeys("00-卷内目录.pdf", "index.json");
        for (JsonNode entry : index.path("entries")) {
            String sha256 = entry.path("sha256").asText();
            assertThat(StoredFile.sha256(files.get(entry.path("fileName").asText())))
                    .as("the file of %s in the volume", entry.path("title").asText()).isEqualTo(sha256);
            String stored = entry.path("documentId").isNull()
                    ? "/api/evidence/" + entry.path("evidenceId").asLong() + "/content"
                    : "/api/documents/" + entry.path("documentId").asLong() + "/content";
            assertThat(StoredFile.sha256(bytes("xfhandler1", stored).getBody()))
                    .as("the stored %s", entry.path("title").asText()).isEqualTo(sha256);
        }
        try (PDDocument indexPage = Loader.loadPDF(files.get("00-卷内目录.pdf"))) {
            String text = text(indexPage);
            assertThat(text).contains("卷内目录", caseNumber, "结案报告");
            assertThat(text.replaceAll("\\s", "")).contains(index.path("entries").get(0).path("sha256").asText());
        }

        // 一案一卷 has no upper size, one database value has (MariaDB takes a statement of at most max_allowed_packet
        // bytes): the volume is zipped straight into parts and sent part by part. Archived again in parts of 16 KiB,
        // it is version 2, in many parts, and downloads whole: the same files, each with the SHA-256 of its index
        CaseArchives target = AopTestUtils.getTargetObject(archives);
        Object parts = ReflectionTestUtils.getField(target, "parts");
        Map<String, Object> variables = new java.util.HashMap<>();
        processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .list().forEach(v -> variables.put(v.getName(), v.getValue()));
        ReflectionTestUtils.setField(target, "parts", new ArchiveParts(jdbc, 16 * 1024));
        CaseArchive again;
        try {
            again = archives.archive(caseNumber, variables);
        } finally {
            ReflectionTestUtils.setField(target, "parts", parts);
        }
        assertThat(again.getVersion()).isEqualTo(2);
        assertThat(again.getSize()).isGreaterThan(3 * 16 * 1024);
        assertThat(((ArchiveParts) parts).count(again.getId())).isEqualTo((int) ((again.getSize() + 16 * 1024 - 1) / (16 * 1024)));
        JsonNode second = json(get("xfhandler1", "/api/cases/" + caseNumber + "/archive"));
        assertThat(second.path("version").asInt()).isEqualTo(2);
        assertThat(second.path("archiveSha256").asText()).isEqualTo(again.getSha256())
                .isNotEqualTo(index.path("archiveSha256").asText());
        ResponseEntity<byte[]> secondVolume = bytes("xfhandler1", second.path("contentUrl").asText());
        assertThat(secondVolume.getHeaders().getContentLength()).isEqualTo(again.getSize());
        assertThat(secondVolume.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(again.getSha256());
        assertThat(StoredFile.sha256(secondVolume.getBody())).isEqualTo(again.getSha256());
        Map<String, byte[]> secondFiles = unzip(secondVolume.getBody());
        assertThat(secondFiles.keySet()).isEqualTo(files.keySet());
        for (JsonNode entry : second.path("entries")) {
            assertThat(StoredFile.sha256(secondFiles.get(entry.path("fileName").asText())))
                    .as("the file of %s in the second volume", entry.path("title").asText())
                    .isEqualTo(entry.path("sha256").asText());
        }
    }

    @Test
    @DisplayName("行政处罚法 Arts. 47, 58: a case whose 法制审核 sent it back for more investigation and then passed it is archived with both 法制审核意见书 in the 副卷, the send-back's first")
    void everyLegalReviewOpinionIsFiled() {
        ProcessInstance instance = filedCase("某货运公司审核两次");
        String caseNumber = caseNumberOf(instance);
        investigateAndReport(instance, "penalty", 20000);
        complete(instance, "legalReview", Map.of("reviewOpinion", "sendBack", "reviewComment", "证据不足，补充车辆营运证明"));
        investigateAndReport(instance, "penalty", 20000);
        complete(instance, "legalReview", Map.of("reviewOpinion", "approve"));
        complete(instance, "issueNotice", Notices.served(TODAY));
        complete(instance, "statementAndRecheck", Map.of("statementMade", true, "statementSummary", "当事人对事实无异议",
                "recheckConclusion", "当事人未提出新的事实", "finalFine", 20000));
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        complete(instance, "serveDecision", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(),
                "recipient", "某货运公司审核两次", "receiptSignature", "signed"));
        complete(instance, "recordPayment", Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(), "amountPaid", 20000));
        complete(instance, "closeCase", Map.of("closureReport", "罚款已缴纳，案件执行完毕"));
        complete(instance, "approveClosure", Map.of("closureDecision", "approve"));
        assertThat(instance).isEnded();

        JsonNode index = json(get("xfhandler1", "/api/cases/" + caseNumber + "/archive"));
        List<Integer> opinions = new ArrayList<>();
        index.path("entries").forEach(e -> {
            if ("LEGAL_REVIEW_OPINION".equals(e.path("kind").asText())) {
                assertThat(e.path("volume").asText()).isEqualTo("副卷");
                opinions.add(e.path("version").asInt());
            }
        });
        assertThat(opinions).containsExactly(1, 2);
    }

    @Test
    @DisplayName("移送规定 Arts. 5, 6: a case transferred as a suspected crime is archived once the police file it (Art. 8), with the filing form, the transfer letter and the investigation report")
    void crimeTransferArchived() {
        ProcessInstance instance = filedCase("某危货运输户戊");
        investigateAndReport(instance, "crimeTransfer", null);
        if (runtimeService.getActivityInstance(instance.getId()).getChildActivityInstances()[0].getActivityId().equals("legalReview")) {
            complete(instance, "legalReview", Map.of("reviewOpinion", "approve"));
        }
        complete(instance, "decideCrimeTransfer", Map.of("crimeTransferDecision", "approve", "receivingOrgan", "庆阳市公安局西峰分局"));
        complete(instance, "sendCrimeTransfer", Map.of("transferSentOn", TODAY.toString(),
                "transferMaterials", new java.util.ArrayList<>(List.of("transferLetter", "investigationReport")), "receiptSignedBy", "刘警官"));
        complete(instance, "recordPoliceFilingDecision", Map.of("policeFilingDecision", "filed",
                "policeDecidedOn", TODAY.toString(), "policeDocumentNumber", "西公立字〔2026〕5号"));
        // archived once the police file it, while the judicial organs still have it
        assertThat(instance).isWaitingAt("recordJudicialOutcome");
        JsonNode index = json(get("xfhandler1", "/api/cases/" + caseNumberOf(instance) + "/archive"));
        assertThat(index.path("ending").asText()).isEqualTo("涉嫌犯罪移送司法机关");
        List<String> order = new ArrayList<>();
        index.path("entries").forEach(e -> order.add(e.path("kind").asText()));
        assertThat(order).startsWith("FILING_FORM", "CRIME_TRANSFER_LETTER").contains("INVESTIGATION_REPORT");
    }

    @Test
    @DisplayName("templates live in a folder an administrator edits: a changed template is used for the next document, without a restart")
    void administratorTemplate() throws IOException {
        ProcessInstance instance = decidedPenalty("某公司己", 1000);
        String caseNumber = caseNumberOf(instance);
        Path template = renderer.templateDir().resolve("reminder.html");
        Files.createDirectories(renderer.templateDir());
        Files.writeString(template, """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org"><head><meta charset="utf-8"/>
                <style th:replace="~{_common.html :: style}"></style></head>
                <body><h1>本队自定义催告书</h1><p th:text="${caseFile.partyName}">当事人</p></body></html>
                """);
        try {
            CaseDocument reminder = documents.generate(caseNumber, DocumentKind.REMINDER, "", null, "issueReminder",
                    runtimeService.getVariables(instance.getId()), Map.of(), "xfhandler1");
            try (PDDocument pdf = Loader.loadPDF(reminder.getFile().getContent())) {
                assertThat(text(pdf)).contains("本队自定义催告书", "某公司己");
            }
        } finally {
            Files.delete(template);
        }
    }

    // --- the case, as the general procedure produces it ---

    private ProcessInstance filedCase(String party) {
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", party, "summary", "未取得道路运输经营许可，擅自从事道路客运经营", "organisationCode", "xifeng"));
        complete(lead, "verifyLead", Map.of("verificationFindings", "核查属实", "occurredOn", actToday()));
        complete(lead, "decideFiling", Map.of("filingDecision", "file"));
        String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(lead.getId()).variableName("caseNumber").singleResult().getValue();
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("generalProcedure")
                .processInstanceBusinessKey(caseNumber).singleResult();
    }

    private void investigateAndReport(ProcessInstance instance, String outcome, Integer fine) {
        complete(instance, "investigate", Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler2",
                "investigationFindings", "询问当事人，制作询问笔录"));
        Map<String, Object> report = new HashMap<>(Map.of("facts", "当事人驾驶车辆载客收费", "legalBasis",
                "《公路安全保护条例》第六十四条", "proposedOutcome", outcome, "partyType", "organisation",
                "violationCode", "LZ-CX"));
        if (fine != null) {
            report.put("proposedFine", fine);
        }
        complete(instance, "investigationReport", report);
    }

    /** Filed, investigated, notified and re-checked, and the head's penalty decision approved: service is next. */
    private ProcessInstance decidedPenalty(String party, int fine) {
        ProcessInstance instance = filedCase(party);
        investigateAndReport(instance, "penalty", fine);
        complete(instance, "issueNotice", Notices.served(TODAY));
        // the party stated its case and has no right to a hearing: the head may decide at once (行政处罚法 Arts. 45, 63)
        complete(instance, "statementAndRecheck", Map.of("statementMade", true, "statementSummary", "当事人对事实无异议",
                "recheckConclusion", "当事人未提出新的事实", "finalFine", fine));
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        assertThat(instance).isWaitingAt("serveDecision");
        return instance;
    }

    private void complete(ProcessInstance instance, String taskKey, Map<String, Object> values) {
        assertThat(instance).isWaitingAt(taskKey);
        taskService.complete(task(taskKey, instance).getId(), values);
    }

    private String caseNumberOf(ProcessInstance instance) {
        return (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("caseNumber").singleResult().getValue();
    }

    private ResponseEntity<byte[]> bytes(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, DEMO_PASSWORD);
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    /** The text of a PDF in reading order (top to bottom, left to right), as a reader would copy it. */
    private static String text(PDDocument pdf) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        // titles are letter-spaced (4pt); Noto's narrow space glyph would otherwise make each gap read as a space
        stripper.setSpacingTolerance(2f);
        return stripper.getText(pdf);
    }

    private static List<String> kinds(JsonNode list) {
        List<String> kinds = new ArrayList<>();
        list.forEach(d -> kinds.add(d.path("kind").asText()));
        return kinds;
    }

    private static long idOf(JsonNode list, String kind) {
        for (JsonNode d : list) {
            if (d.path("kind").asText().equals(kind)) {
                return d.path("id").asLong();
            }
        }
        throw new AssertionError("no " + kind + " in " + list);
    }

    private static List<String> fields(ResponseEntity<String> response) {
        List<String> fields = new ArrayList<>();
        json(response).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
