package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.casefile.CaseEvent;
import org.sanlian.document.DocumentKind;
import org.sanlian.document.DocumentRenderQueue;
import org.sanlian.document.Documents;
import org.sanlian.organisation.Officers;
import org.sanlian.penalty.EducationForm;
import org.sanlian.penalty.NoPenaltyFacts;
import org.sanlian.penalty.NoPenaltyGround;
import org.sanlian.penalty.NoPenaltyGrounds;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.security.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * No penalty under 行政处罚法 Art. 33 and Art. 57 ¶1 (2)(3) (domain.md §2.13, §2.9; issue 12): the table noPenalty
 * is held against a no-penalty proposal too, the ground is a stored fact the 不予行政处罚决定书 states, and the
 * education the law requires (Art. 33 ¶3) is recorded before the decision.
 */
@DisplayName("行政处罚法 Art. 33 — no penalty: the table for every outcome, the ground, 首违不罚 with education")
class NoPenaltyGroundsTest extends CaseProcedureTestSupport {

    @Autowired
    NoPenaltyGrounds grounds;

    @Autowired
    Officers officers;

    @Autowired
    Documents documents;

    @Autowired
    DocumentRenderQueue renders;

    @LocalServerPort
    int port;

    /** 调查取证 done: waits in 案件调查报告. */
    private ProcessInstance investigated(String party) {
        ProcessInstance instance = filedCase(party);
        investigate(instance, "investigate");
        assertThat(instance).isWaitingAt("investigationReport");
        return instance;
    }

    /** A report proposing no penalty for 道路运输条例 Art. 64 (YZ-JSY) with the facts the table noPenalty reads. */
    private static Map<String, Object> noPenalty(String tier, int earlier, String harm, boolean corrected) {
        return new HashMap<>(Map.of("facts", "当事人驾驶车辆未随车携带从业资格证", "legalBasis", "《道路运输条例》第六十四条",
                "proposedOutcome", "noPenalty", "partyType", "citizen", "violationCode", "YZ-JSY",
                "circumstanceTier", tier, "repeatCount", earlier, "harm", harm, "correctedPromptly", corrected));
    }

    private static Map<String, Object> educated(String officer) {
        return Map.of("headDecision", "approve", "educationForm", "oral", "educatedOn", TODAY.toString(),
                "educatedBy", officer);
    }

    private static String messageOf(ResponseEntity<String> response, String field) {
        assertRefused(response, field);
        for (var error : json(response).path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return error.path("message").asText();
            }
        }
        throw new AssertionError(field);
    }

    /** The 不予行政处罚决定书's text as PDFBox extracts it. */
    private String decisionText(ProcessInstance instance) throws IOException {
        String caseNumber = caseNumberOf(instance);
        renders.renderPendingOf(caseNumber);
        byte[] pdf = documents.latest(caseNumber, DocumentKind.NO_PENALTY_DECISION).orElseThrow().getFile().getContent();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setSpacingTolerance(2f);
            return stripper.getText(document).replaceAll("\\s+", "");
        }
    }

    @Test
    @DisplayName("行政处罚法 Art. 33: serious harm and five earlier violations, no penalty proposed without a reason — refused with 400 naming proposedOutcome and deviationReason, through /engine-rest and through Tasklist's /camunda/api/engine; nothing stored")
    void art33_seriousHarmFiveEarlierViolations_noPenaltyWithoutReason_isRefused() {
        ProcessInstance instance = investigated("不罚拒绝甲");
        ResponseEntity<String> refused = submit("xfhandler1", instance, "investigationReport",
                noPenalty("serious", 5, "serious", false));
        assertThat(messageOf(refused, "proposedOutcome")).contains("应当给予行政处罚", "情节严重", "此前同类违法 5 次",
                "危害后果严重", "第三十三条");
        assertThat(messageOf(refused, "deviationReason")).contains("负责人批准");

        WebappSession tasklist = WebappSession.login(port, "xfhandler1", DEMO_PASSWORD);
        HttpResponse<String> viaWebapp = tasklist.engine("POST", "/task/" + task("investigationReport", instance).getId()
                + "/submit-form", JSON.valueToTree(variables(noPenalty("serious", 5, "serious", false))).toString());
        assertThat(viaWebapp.statusCode()).as(viaWebapp.body()).isEqualTo(400);
        assertThat(viaWebapp.body()).contains("proposedOutcome", "应当给予行政处罚");

        assertThat(instance).isWaitingAt("investigationReport");
        assertThat(grounds.of(caseNumberOf(instance))).isEmpty();
    }

    @Test
    @DisplayName("行政处罚法 Art. 33: the table says a penalty is due, the handler writes a reason and the head approves it at 偏离裁量基准审批 — the no-penalty decision is allowed, its ground the approved reason")
    void art33_tableSaysPunish_headApprovesWrittenReason_isAllowed() throws IOException {
        ProcessInstance instance = investigated("不罚批准乙");
        Map<String, Object> report = noPenalty("serious", 5, "serious", false);
        report.put("deviationReason", "当事人系未满十四周岁的未成年人（行政处罚法第三十条）");
        ResponseEntity<String> proposed = submit("xfhandler1", instance, "investigationReport", report);
        assertThat(proposed.getStatusCode()).as(proposed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(instance).hasPassed("decideNoPenaltyRule", "checkProposedPenalty").isWaitingAt("approveDeviation");
        assertThat(task("approveDeviation", instance)).hasCandidateGroup("xifengHead");
        NoPenaltyFacts stored = grounds.of(caseNumberOf(instance)).orElseThrow();
        assertThat(stored.getVerdict()).isEqualTo("punish");
        assertThat(stored.getGround()).isEqualTo(NoPenaltyGround.APPROVED_REASON);
        assertThat(stored.getDeviationReason()).contains("未满十四周岁");

        // the decision's own rule holds the stored approval, whatever the route to it
        assertThatThrownBy(() -> grounds.decided(caseNumberOf(instance), new NoPenaltyGrounds.Education(
                EducationForm.oral, TODAY, "xfhandler1"), false, java.time.Instant.now()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("未经负责人批准");

        complete(instance, "approveDeviation", Map.of("deviationDecision", "approve"));
        if (task("legalReview", instance) != null) {
            complete(instance, "legalReview", Map.of("reviewOpinion", "approve"));
        }
        ResponseEntity<String> decided = submit("xfhead", instance, "decideNoPenalty", educated("xfhandler1"));
        assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(instance).isWaitingAt("serveDecision");
        assertThat(procedure(instance)).containsSubsequence("deviationRequested", "approveDeviation", "decideNoPenalty");
        assertThat(decisionText(instance)).contains("未满十四周岁", "经本机关负责人批准", "第五十七条第一款第二项")
                .doesNotContain("没有造成危害后果");
    }

    @Test
    @DisplayName("行政处罚法 Art. 33: the head does not approve the reason for no penalty where the table says a penalty is due — the case goes back to investigation, undecided")
    void art33_tableSaysPunish_headRefusesReason_goesBack() {
        ProcessInstance instance = investigated("不罚退回丙");
        Map<String, Object> report = noPenalty("general", 2, "slight", true);
        report.put("deviationReason", "当事人认错态度好");
        complete(instance, "investigationReport", report);
        complete(instance, "approveDeviation", Map.of("deviationDecision", "reject", "deviationComment",
                "此前已有两次同类违法，不属于首违"));
        assertThat(instance).hasPassed("deviationApproved").isWaitingAt("investigate");
        assertThat(facts.decided(caseNumberOf(instance))).isFalse();
    }

    @Test
    @DisplayName("行政处罚法 Art. 33 ¶1 second sentence and ¶3 (首违不罚): first violation, slight harm, corrected — the decision without education is refused naming educationForm, educatedOn and educatedBy, an officer of another body is refused; with the education given by a certified officer it is allowed, and the PDF says 危害后果轻微, not 没有造成危害后果")
    void art33_firstViolationSlightHarm_educationRequired() throws IOException {
        ProcessInstance instance = investigated("首违不罚丁");
        complete(instance, "investigationReport", noPenalty("general", 0, "slight", true));
        assertThat(instance).isWaitingAt("decideNoPenalty");
        assertThat(runtimeService.getVariable(instance.getId(), "noPenaltyGround")).isEqualTo("FIRST_SLIGHT_HARM");
        assertThat(grounds.of(caseNumberOf(instance)).orElseThrow().getVerdict()).isEqualTo("may");

        ResponseEntity<String> noEducation = submit("xfhead", instance, "decideNoPenalty", Map.of("headDecision", "approve"));
        assertThat(messageOf(noEducation, "educationForm")).contains("第三十三条第三款");
        assertRefused(noEducation, "educatedOn");
        assertRefused(noEducation, "educatedBy");
        assertThat(messageOf(submit("xfhead", instance, "decideNoPenalty", educated("qchandler1")), "educatedBy"))
                .contains("不是本机关持有执法证件的执法人员");
        assertThat(facts.decided(caseNumberOf(instance))).isFalse();

        ResponseEntity<String> decided = submit("xfhead", instance, "decideNoPenalty", educated("xfhandler2"));
        assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        NoPenaltyFacts stored = grounds.of(caseNumberOf(instance)).orElseThrow();
        assertThat(stored.getGround()).isEqualTo(NoPenaltyGround.FIRST_SLIGHT_HARM);
        assertThat(stored.getEducationForm()).isEqualTo(EducationForm.oral);
        assertThat(stored.getEducatedOn()).isEqualTo(TODAY);
        assertThat(stored.getEducatedBy()).isEqualTo("xfhandler2");
        assertThat(decisionText(instance)).contains("初次违法", "危害后果轻微并及时改正", "第三十三条第一款",
                "第三十三条第三款", officers.name("xfhandler2"), "当面批评教育").doesNotContain("没有造成危害后果");
    }

    @Test
    @DisplayName("行政处罚法 Art. 33 ¶1 first sentence: a minor violation, corrected, with no harm — the ground is 没有造成危害后果 and the party is educated")
    void art33_minorCorrectedNoHarm_groundIsNoHarm() throws IOException {
        ProcessInstance instance = investigated("无危害后果戊");
        complete(instance, "investigationReport", noPenalty("minor", 1, "none", true));
        complete(instance, "decideNoPenalty", educated("xfhandler1"));
        assertThat(grounds.of(caseNumberOf(instance)).orElseThrow().getGround()).isEqualTo(NoPenaltyGround.NO_HARM);
        assertThat(decisionText(instance)).contains("违法行为轻微并及时改正，没有造成危害后果", "进行了教育")
                .doesNotContain("初次违法");
    }

    @Test
    @DisplayName("行政处罚法 Art. 57 ¶1 (3): facts not established — no education is asked, the decision states 违法事实不能成立")
    void art57_factsNotEstablished_needsNoEducation() throws IOException {
        ProcessInstance instance = investigated("事实不成立己");
        complete(instance, "investigationReport", Map.of("facts", "举报车辆经查为自用", "legalBasis", "无",
                "proposedOutcome", "notEstablished", "partyType", "citizen"));
        ResponseEntity<String> decided = submit("xfhead", instance, "decideNoPenalty", Map.of("headDecision", "approve"));
        assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(grounds.of(caseNumberOf(instance)).orElseThrow().getGround()).isEqualTo(NoPenaltyGround.NOT_ESTABLISHED);
        assertThat(decisionText(instance)).contains("违法事实不能成立", "第五十七条第一款第三项").doesNotContain("进行了教育");

        // 结案审批 shows what was decided and why no notice was given (Art. 44 asks one before a penalty only) — it
        // showed the proposal (拟…) and 尚未告知当事人, as if a step were missing
        complete(instance, "serveDecision", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(),
                "recipient", "事实不成立己", "receiptSignature", "signed"));
        complete(instance, "closeCase", Map.of("closureReport", "违法事实不能成立，不予行政处罚决定书已送达"));
        assertThat(formVariable("xfhead", instance, "approveClosure", "approvalOutcome"))
                .startsWith("已决定不予行政处罚，决定书 ").doesNotContain("拟");
        assertThat(formVariable("xfhead", instance, "approveClosure", "approvalStatement"))
                .contains("无须事先告知", "第四十四条").doesNotContain("尚未告知");
    }

    private java.util.List<String> procedure(ProcessInstance instance) {
        return caseFiles.history(caseNumberOf(instance)).stream().map(CaseEvent::getStep).toList();
    }
}
