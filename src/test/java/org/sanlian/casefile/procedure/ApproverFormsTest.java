package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.security.WebappSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * Issue 13, facts carried forward: the head's 处罚决定审批 shows what the head decides on — the proposal and its
 * basis, the evidence, the legal review, the party's statement — copied from the stored case; the notice names the
 * ground of the hearing right.
 */
class ApproverFormsTest extends CaseProcedureTestSupport {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("domain.md §1: Tasklist's own API gives the head of the case's body the facts when the form opens; another body's handler gets none of them, there or on /engine-rest")
    void factsGoToTheCasesBodyOnly() {
        ProcessInstance instance = rechecked("他单位不见事实当事人", 20000);
        String approval = task("decidePenalty", instance).getId();

        HttpResponse<String> head = WebappSession.login(port, "xfhead", DEMO_PASSWORD)
                .engine("GET", "/task/" + approval + "/form-variables?deserializeValues=false", null);
        assertThat(head.statusCode()).as(head.body()).isEqualTo(200);
        assertThat(head.body()).contains("拟给予行政处罚，拟罚款 20000 元", "approvalReviewOpinion", "noticePeriodsShown");

        HttpResponse<String> otherWebapp = WebappSession.login(port, "qchandler1", DEMO_PASSWORD)
                .engine("GET", "/task/" + approval + "/form-variables?deserializeValues=false", null);
        ResponseEntity<String> otherRest = get("qchandler1", "/engine-rest/task/" + approval + "/form-variables");
        assertThat(otherWebapp.statusCode()).as(otherWebapp.body()).isBetween(400, 499);
        assertThat(otherRest.getStatusCode().is4xxClientError()).as(otherRest.getBody()).isTrue();
        assertThat(otherWebapp.body() + otherRest.getBody()).doesNotContain("拟罚款", "approvalOutcome");
    }

    @Test
    @DisplayName("行政处罚法 Art. 57: 处罚决定审批 shows the proposed outcome and fine, its basis, the evidence count, the legal review's opinion and the statement, as stored")
    void decisionApprovalShowsTheStoredFacts() {
        ProcessInstance instance = rechecked("负责人审批事实当事人", 20000);
        String approval = task("decidePenalty", instance).getId();
        Map<String, Object> shown = formService.getTaskFormVariables(approval);
        assertThat(shown.get("approvalOutcome")).isEqualTo("拟给予行政处罚，拟罚款 20000 元；复核后罚款 20000 元");
        assertThat((String) shown.get("approvalBasis")).startsWith("《道路运输条例》第六十三条");
        assertThat(shown.get("approvalEvidenceCount")).isEqualTo(0);
        assertThat(shown.get("approvalReviewOpinion")).isEqualTo("同意");
        assertThat(shown.get("approvalStatement")).isEqualTo("当事人未提出陈述、申辩");
        // read from the domain when the form is opened, not copied into the task (issue 16)
        assertThat(taskService.getVariablesLocal(approval)).doesNotContainKeys("approvalOutcome", "approvalBasis",
                "approvalEvidenceCount", "approvalReviewOpinion", "approvalStatement", "noticePeriodsShown");
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey("approvalOutcome");
        // the form shows them beside the facts the handler wrote
        assertThat(resource("/forms/decidePenalty.form")).contains("{{approvalOutcome}}", "{{approvalBasis}}",
                "{{approvalEvidenceCount}}", "{{approvalReviewOpinion}}", "{{approvalStatement}}", "{{facts}}");
    }

    @Test
    @DisplayName("行政处罚法 Art. 63: where the party has the right to a hearing, the notice's form names the ground the table gave")
    void theNoticeNamesTheHearingGround() {
        ProcessInstance instance = proposed("听证依据当事人", 20000);
        assertThat(runtimeService.getVariable(instance.getId(), "hearingRight")).isEqualTo(true);
        Object ground = runtimeService.getVariable(instance.getId(), "hearingGround");
        assertThat(ground).isInstanceOf(String.class);
        assertThat((String) ground).isNotBlank()
                .isEqualTo(penalties.penalty(caseNumberOf(instance)).orElseThrow().getHearingGround());
        assertThat(resource("/forms/issueNotice.form")).contains("{{hearingGround}}");
    }

    private static String resource(String path) {
        try (var in = ApproverFormsTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
