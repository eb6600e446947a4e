package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.document.CaseDocument;
import org.sanlian.document.DocumentEntry;
import org.sanlian.document.DocumentKind;
import org.sanlian.document.DocumentRenderQueue;
import org.sanlian.document.Documents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The documents of the measures taken while a case is investigated, each handed to the party: the 证据登记保存清单 and
 * its release (行政处罚法 Art. 56; 9号令 annex templates 6, 7), the 扣押's 行政强制措施决定书 with its list, the notice of
 * its one extension and its release (行政强制法 Arts. 24, 25, 28; templates 8, 9, 10).
 */
@DisplayName("行政处罚法 Art. 56, 行政强制法 Arts. 24–28 — 先行登记保存 and 扣押 make the documents the party is handed")
class CoerciveMeasureDocumentsTest extends CaseProcedureTestSupport {

    @Autowired
    DocumentRenderQueue renders;

    @Autowired
    Documents documents;

    private String text(String caseNumber, DocumentKind kind) throws IOException {
        renders.renderPendingOf(caseNumber);
        CaseDocument document = documents.latest(caseNumber, kind).orElseThrow(() -> new AssertionError(kind + " not made"));
        try (PDDocument pdf = Loader.loadPDF(document.getFile().getContent())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(pdf).replaceAll("\\s+", "");
        }
    }

    private List<DocumentKind> kinds(String caseNumber) {
        renders.renderPendingOf(caseNumber);
        return documents.of(caseNumber).stream().map(d -> d.kind()).toList();
    }

    /** 调查取证 by the two demo officers, with what the step found and the measures it records. */
    private void investigateWith(ProcessInstance instance, String findings, Map<String, Object> measures) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of("investigator1", "xfhandler1", "investigator2",
                "xfhandler2", "investigationFindings", findings));
        values.putAll(measures);
        complete(instance, "investigate", values);
    }

    private void fireTimer(ProcessInstance instance, String timer) {
        Job job = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(timer).singleResult();
        assertThat(job).as(timer + " timer").isNotNull();
        processEngine.getManagementService().executeJob(job.getId());
    }

    private static String chinese(java.time.LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    @Test
    @DisplayName("Art. 56: the 证据登记保存清单 lists what was kept, when and by whom, the seven working days and the duty not to move it; the head's 解除保存 makes the 解除证据登记保存决定书, as does the limit passing with no decision")
    void art56_preservationListAndItsRelease() throws IOException {
        ProcessInstance released = filedCase("登记保存文书当事人甲");
        String caseNumber = caseNumberOf(released);
        investigateWith(released, "现场检查", Map.of("evidencePreserved", true, "preservedOn", TODAY.toString(),
                "preservedItems", "车辆道路运输证 1 份；行车记录仪存储卡 1 张"));
        assertThat(kinds(caseNumber)).contains(DocumentKind.EVIDENCE_PRESERVATION_LIST)
                .doesNotContain(DocumentKind.COERCIVE_MEASURE_DECISION, DocumentKind.PRESERVATION_RELEASE);
        assertThat(text(caseNumber, DocumentKind.EVIDENCE_PRESERVATION_LIST)).contains("证据登记保存清单",
                "登记保存文书当事人甲", chinese(TODAY), "车辆道路运输证1份；行车记录仪存储卡1张", "第五十六条", "七个工作日",
                "不得损毁、销毁或者转移证据", "李明", "（印章）");

        complete(released, "decidePreservation", Map.of("preservationOutcome", "release"));
        assertThat(text(caseNumber, DocumentKind.PRESERVATION_RELEASE)).contains("解除证据登记保存决定书",
                "车辆道路运输证1份", "经本机关负责人决定", "领回").doesNotContain("未在七个工作日内");

        ProcessInstance lapsed = filedCase("登记保存文书当事人乙");
        investigateWith(lapsed, "现场检查", Map.of("evidencePreserved", true, "preservedOn", TODAY.toString(),
                "preservedItems", "货物 20 箱"));
        fireTimer(lapsed, "preservationLapsed");
        assertThat(lapsed).hasPassed("liftPreservation");
        assertThat(text(caseNumberOf(lapsed), DocumentKind.PRESERVATION_RELEASE)).contains("货物20箱",
                "未在七个工作日内作出处理决定");

        // another outcome (送检鉴定) keeps the evidence: nothing is released
        ProcessInstance appraised = filedCase("登记保存文书当事人丙");
        investigateWith(appraised, "现场检查", Map.of("evidencePreserved", true, "preservedOn", TODAY.toString(),
                "preservedItems", "样品 2 件"));
        complete(appraised, "decidePreservation", Map.of("preservationOutcome", "appraisal"));
        assertThat(kinds(caseNumberOf(appraised))).doesNotContain(DocumentKind.PRESERVATION_RELEASE);
    }

    @Test
    @DisplayName("行政强制法 Arts. 24, 25, 28: the 扣押's 行政强制措施决定书 gives the list, the 30 days to their last day and the remedies; the head's one extension makes the notice with its reason and new last day; the release makes the 解除行政强制措施决定书; each can be recorded as served")
    void seizureDecisionExtensionAndRelease() throws IOException {
        ProcessInstance instance = filedCase("扣押文书当事人");
        String caseNumber = caseNumberOf(instance);
        investigateWith(instance, "查获非法营运车辆", Map.of("seizureApplied", true, "seizedOn", TODAY.toString(),
                "seizedItems", "小型客车 1 辆（甘M·K8888）"));
        assertThat(kinds(caseNumber)).contains(DocumentKind.COERCIVE_MEASURE_DECISION)
                .doesNotContain(DocumentKind.EVIDENCE_PRESERVATION_LIST);
        assertThat(text(caseNumber, DocumentKind.COERCIVE_MEASURE_DECISION)).contains("行政强制措施决定书",
                "扣押文书当事人", "未取得道路运输经营许可", "第二十四条", "小型客车1辆（甘M·K8888）",
                "至" + chinese(TODAY.plusDays(30)) + "止", "申请行政复议", "提起行政诉讼", "（印章）");

        ResponseEntity<String> extended = submit("xfhead", instance, "reviewSeizure",
                Map.of("seizureOutcome", "extend", "seizureComment", "需进行车辆技术鉴定"));
        assertThat(extended.getStatusCode().is2xxSuccessful()).as(extended.getBody()).isTrue();
        String notice = text(caseNumber, DocumentKind.COERCIVE_MEASURE_EXTENSION);
        assertThat(notice).contains("延长行政强制措施期限通知书", "因需进行车辆技术鉴定", "第二十五条",
                "至" + chinese(TODAY.plusDays(60)) + "止");
        assertThat(documents.latest(caseNumber, DocumentKind.COERCIVE_MEASURE_EXTENSION).orElseThrow().getCreatedBy())
                .isEqualTo("xfhead");

        complete(instance, "reviewSeizure", Map.of("seizureOutcome", "release"));
        assertThat(text(caseNumber, DocumentKind.COERCIVE_MEASURE_RELEASE)).contains("解除行政强制措施决定书",
                "小型客车1辆（甘M·K8888）", "第二十八条", "领回").doesNotContain("扣押期限已经届满")
                // the extension's reason is the notice's, not the release's (found in Chromium)
                .doesNotContain("需进行车辆技术鉴定");

        // handed to the party: its service is recorded as any notice's is, and makes a 送达回证
        long decisionId = documents.latestId(caseNumber, DocumentKind.COERCIVE_MEASURE_DECISION).orElseThrow();
        ResponseEntity<String> served = post("xfhandler1", "/api/documents/" + decisionId + "/services",
                Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(), "recipient", "扣押文书当事人",
                        "receiptSignature", "signed"));
        assertThat(served.getStatusCode().is2xxSuccessful()).as(served.getBody()).isTrue();
        assertThat(kinds(caseNumber)).contains(DocumentKind.SERVICE_RECEIPT);
    }

    @Test
    @DisplayName("行政处罚法 Art. 56, 行政强制法 Arts. 24, 25: 转为扣押 is a seizure from the head's decision — its 行政强制措施决定书 lists what was preserved, its 30 days run from that day and 扣押期限内处理 follows; a case already under seizure cannot start a second one")
    void preservationTurnedIntoSeizure() throws IOException {
        ProcessInstance instance = filedCase("转为扣押文书当事人");
        String caseNumber = caseNumberOf(instance);
        investigateWith(instance, "现场检查", Map.of("evidencePreserved", true, "preservedOn", TODAY.toString(),
                "preservedItems", "非法改装的客车座椅 12 套"));
        ResponseEntity<String> converted = submit("xfhead", instance, "decidePreservation",
                Map.of("preservationOutcome", "seizure"));
        assertThat(converted.getStatusCode().is2xxSuccessful()).as(converted.getBody()).isTrue();
        assertThat(instance).isWaitingAt("reviewSeizure");
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task("reviewSeizure", instance)
                .getDueDate()).isEqualTo(ProcedureFacts.endOfDay(TODAY.plusDays(30)));
        assertThat(text(caseNumber, DocumentKind.COERCIVE_MEASURE_DECISION)).contains("行政强制措施决定书",
                "非法改装的客车座椅12套", "至" + chinese(TODAY.plusDays(30)) + "止", "先行登记保存的证据", "转为扣押");

        ProcessInstance both = filedCase("已扣押又转扣押当事人");
        investigateWith(both, "现场检查", Map.of("evidencePreserved", true, "preservedOn", TODAY.toString(),
                "preservedItems", "账簿 3 册", "seizureApplied", true, "seizedOn", TODAY.toString(),
                "seizedItems", "货车 1 辆"));
        assertRefused(submit("xfhead", both, "decidePreservation", Map.of("preservationOutcome", "seizure")),
                "preservationOutcome");
        assertThat(both).isWaitingAt("decidePreservation");
    }

    @Test
    @DisplayName("domain.md §3.3; 行政处罚法 Art. 56: a second 先行登记保存 of a case — the first released, the case sent back by 法制审核 for more investigation — is a list of its own, with its own 文号 and its own place in the archived volume; the same list made again keeps its number")
    void art56_secondPreservationIsAListOfItsOwn() throws IOException {
        ProcessInstance instance = filedCase("二次保存当事人");
        String caseNumber = caseNumberOf(instance);
        filedDaysAgo(instance, 10);
        investigateWith(instance, "现场检查", Map.of("evidencePreserved", true,
                "preservedOn", TODAY.minusDays(3).toString(), "preservedItems", "营运账簿 2 册"));
        complete(instance, "decidePreservation", Map.of("preservationOutcome", "release"));
        report(instance, "investigationReport", 20000);
        complete(instance, "legalReview", Map.of("reviewOpinion", "sendBack", "reviewComment", "收费凭证不全，补充调查"));
        assertThat(instance).isWaitingAt("investigate");
        investigateWith(instance, "补充调查", Map.of("evidencePreserved", true, "preservedOn", TODAY.toString(),
                "preservedItems", "行车记录仪存储卡 1 张"));

        List<String> numbers = listedNumbers(caseNumber, DocumentKind.EVIDENCE_PRESERVATION_LIST);
        assertThat(numbers).as("two lists, each numbered").hasSize(2).doesNotHaveDuplicates();
        numbers.forEach(number -> sequenceOf(number, "保存"));
        List<DocumentEntry> lists = documents.of(caseNumber).stream()
                .filter(d -> d.kind() == DocumentKind.EVIDENCE_PRESERVATION_LIST).toList();
        // each the first version of its own document: the volume keeps the newest version of each, so it holds both
        assertThat(lists).allSatisfy(list -> assertThat(list.version()).isEqualTo(1));
        assertThat(lists).extracting(DocumentEntry::subject)
                .containsExactlyInAnyOrder("先行登记保存 " + TODAY.minusDays(3), "先行登记保存 " + TODAY);
        assertThat(text(caseNumber, DocumentKind.EVIDENCE_PRESERVATION_LIST)).contains("行车记录仪存储卡1张")
                .doesNotContain("营运账簿");
        // the release of the first belongs to the first
        assertThat(documents.of(caseNumber).stream().filter(d -> d.kind() == DocumentKind.PRESERVATION_RELEASE)
                .map(DocumentEntry::subject)).containsExactly("先行登记保存 " + TODAY.minusDays(3));
    }

    /** The 文号 of the case's documents of a kind, every version, as GET /api/cases/{caseNumber}/documents lists them. */
    private List<String> listedNumbers(String caseNumber, DocumentKind kind) {
        renders.renderPendingOf(caseNumber);
        ResponseEntity<String> listed = get("xfhandler1", "/api/cases/" + caseNumber + "/documents");
        assertThat(listed.getStatusCode().is2xxSuccessful()).as(listed.getBody()).isTrue();
        List<String> numbers = new java.util.ArrayList<>();
        json(listed).forEach(d -> {
            if (kind.name().equals(d.path("kind").asText())) {
                numbers.add(d.path("documentNumber").asText(null));
            }
        });
        return numbers;
    }

    /** 庆交执西保存〔2026〕7号 → 7, after checking the number is of the organisation's series of that character. */
    private static long sequenceOf(String number, String character) {
        String series = "庆交执西" + character + "〔" + TODAY.getYear() + "〕";
        assertThat(number).startsWith(series).endsWith("号");
        return Long.parseLong(number.substring(series.length(), number.length() - 1));
    }

    @Test
    @DisplayName("domain.md §3.3: each document of 先行登记保存 and 扣押 quotes the case number and has a 文号 of its own, from the body's per-year series of its kind (保存, 解保, 强制, 延期, 解强) — printed on it, listed as its 文号, the next case's the next number; made again, a document keeps its number")
    void measureDocumentsNumberedInTheirOwnSeries() throws IOException {
        ProcessInstance preserved = filedCase("文号保存当事人");
        String caseNumber = caseNumberOf(preserved);
        // the party asks an investigator to withdraw: granted, the investigation is made again, and with it the list
        investigateWith(preserved, "现场检查", Map.of("evidencePreserved", true, "preservedOn", TODAY.toString(),
                "preservedItems", "营运账簿 2 册", "recusalRequested", true, "recusalOfficer", "xfhandler2",
                "recusalReason", "调查人员与当事人有亲属关系"));
        String list = listedNumbers(caseNumber, DocumentKind.EVIDENCE_PRESERVATION_LIST).get(0);
        long first = sequenceOf(list, "保存");
        assertThat(text(caseNumber, DocumentKind.EVIDENCE_PRESERVATION_LIST)).contains(list, "案号：" + caseNumber);
        complete(preserved, "decideRecusal", Map.of("recusalDecision", "grant", "recusalDecisionReason", "经查属实"));
        complete(preserved, "investigate", Map.of("investigator1", "xfhandler1", "investigator2", "xfhead",
                "investigationFindings", "重新调查", "recusalRequested", false, "evidencePreserved", true,
                "preservedOn", TODAY.toString(), "preservedItems", "营运账簿 2 册"));
        assertThat(listedNumbers(caseNumber, DocumentKind.EVIDENCE_PRESERVATION_LIST)).containsExactly(list, list);
        complete(preserved, "decidePreservation", Map.of("preservationOutcome", "release"));
        String release = listedNumbers(caseNumber, DocumentKind.PRESERVATION_RELEASE).get(0);
        sequenceOf(release, "解保");
        assertThat(text(caseNumber, DocumentKind.PRESERVATION_RELEASE)).contains(release, "案号：" + caseNumber);

        ProcessInstance seized = filedCase("文号扣押当事人");
        String seizedCase = caseNumberOf(seized);
        investigateWith(seized, "现场检查", Map.of("evidencePreserved", true, "preservedOn", TODAY.toString(),
                "preservedItems", "样品 1 件", "seizureApplied", true, "seizedOn", TODAY.toString(),
                "seizedItems", "货车 1 辆"));
        // the next case's list is the next of the series, gap-free (no other list made in between)
        assertThat(sequenceOf(listedNumbers(seizedCase, DocumentKind.EVIDENCE_PRESERVATION_LIST).get(0), "保存"))
                .isEqualTo(first + 1);
        String decision = listedNumbers(seizedCase, DocumentKind.COERCIVE_MEASURE_DECISION).get(0);
        sequenceOf(decision, "强制");
        assertThat(text(seizedCase, DocumentKind.COERCIVE_MEASURE_DECISION)).contains(decision, "案号：" + seizedCase);
        complete(seized, "decidePreservation", Map.of("preservationOutcome", "appraisal"));
        complete(seized, "reviewSeizure", Map.of("seizureOutcome", "extend", "seizureComment", "需进行车辆技术鉴定"));
        String extension = listedNumbers(seizedCase, DocumentKind.COERCIVE_MEASURE_EXTENSION).get(0);
        sequenceOf(extension, "延期");
        assertThat(text(seizedCase, DocumentKind.COERCIVE_MEASURE_EXTENSION)).contains(extension, "案号：" + seizedCase);
        complete(seized, "reviewSeizure", Map.of("seizureOutcome", "release"));
        String seizureRelease = listedNumbers(seizedCase, DocumentKind.COERCIVE_MEASURE_RELEASE).get(0);
        sequenceOf(seizureRelease, "解强");
        assertThat(text(seizedCase, DocumentKind.COERCIVE_MEASURE_RELEASE)).contains(seizureRelease,
                "案号：" + seizedCase);

        // each number is the body's record of the document: of the case, never voided
        for (String number : List.of(list, release, decision, extension, seizureRelease)) {
            assertThat(jdbc.queryForObject("select count(*) from case_number where formatted = ? and reference in (?, ?)"
                    + " and organisation_code = 'xifeng' and voided = false", Integer.class, number, caseNumber,
                    seizedCase)).as(number).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("行政强制法 Art. 28 ¶1(4): the seizure period ends with no decision — the 解除行政强制措施决定书 says so")
    void seizureLapsedMakesItsRelease() throws IOException {
        ProcessInstance instance = filedCase("扣押期满文书当事人");
        investigateWith(instance, "扣押车辆", Map.of("seizureApplied", true, "seizedOn", TODAY.toString(),
                "seizedItems", "货车 1 辆"));
        fireTimer(instance, "seizureLapsed");
        assertThat(instance).hasPassed("liftSeizure");
        assertThat(text(caseNumberOf(instance), DocumentKind.COERCIVE_MEASURE_RELEASE)).contains("货车1辆",
                "扣押期限已经届满", "第二十八条第一款第四项");
    }
}
