package org.sanlian.casefile.procedure;

import org.sanlian.support.Notices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Issue 13, people by name: 调查取证 and 听证通知 offer the body's certified officers by name (a select the server
 * fills); the rule accepts only an officer it offered; the case record names people, not usernames.
 */
class OfficersByNameTest extends CaseProcedureTestSupport {

    @Test
    @DisplayName("行政处罚法 Art. 42: 调查取证 offers the body's officers who hold an enforcement certificate, by name and certificate number, as Tasklist reads the form's variables")
    void investigationOffersCertifiedOfficersByName() throws Exception {
        ProcessInstance instance = filedCase("按姓名选择调查人员当事人");
        String taskId = task("investigate", instance).getId();

        ResponseEntity<String> formVariables = get("xfhandler1",
                "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");
        JsonNode offered = formVariables.getStatusCode().is2xxSuccessful()
                ? json(formVariables).path("certifiedOfficers") : null;
        assertThat(offered).as(formVariables.getBody()).isNotNull();
        assertThat(offered.path("type").asText()).isEqualTo("Json");
        List<String> labels = new ArrayList<>();
        List<String> values = new ArrayList<>();
        JSON.readTree(offered.path("value").asText()).forEach(choice -> {
            labels.add(choice.path("label").asText());
            values.add(choice.path("value").asText());
        });
        assertThat(labels).contains("李明（执法证号 62100220230011）", "王芳（执法证号 62100220230012）");
        assertThat(values).contains("xfhandler1", "xfhandler2", "xfhead")
                // another body's certified officer, and a body's staff without a certificate, are not offered
                .doesNotContain("qchandler1", "bureau1", "analyst");
    }

    @Test
    @DisplayName("行政处罚法 Art. 42: an officer the form did not offer — certified, but of another body — is refused (400 naming the field), the message naming him by name")
    void anOfficerNotOfferedIsRefused() {
        ProcessInstance instance = filedCase("非本机关调查人员当事人");
        ResponseEntity<String> refused = submit("xfhandler1", instance, "investigate", Map.of(
                "investigator1", "xfhandler1", "investigator2", "qchandler1",
                "investigationFindings", "询问当事人"));
        assertRefused(refused, "investigator2");
        assertThat(refused.getBody()).contains("赵磊").doesNotContain("qchandler1");
    }

    @Test
    @DisplayName("行政处罚法 Art. 47: the case record names the investigators by name (李明、王芳), not by username")
    void theRecordNamesInvestigators() {
        ProcessInstance instance = filedCase("全过程记录姓名当事人");
        investigate(instance, "investigate");
        assertThat(caseFiles.history(caseNumberOf(instance)))
                .anySatisfy(event -> assertThat(event.getNote()).startsWith("调查人员: 李明、王芳"));
    }

    @Test
    @DisplayName("行政处罚法 Art. 64(4): 听证通知 offers as presider the body's certified officers who are not the case's investigators")
    void hearingOffersPresidersWhoDidNotInvestigate() throws Exception {
        ProcessInstance instance = proposed("听证主持人选择当事人", 8000);
        filedDaysAgo(instance, 30);
        complete(instance, "issueNotice", Notices.served(TODAY.minusDays(10)));
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "要求听证", "finalFine", 8000,
                "hearingRequested", true, "hearingRequestedOn", TODAY.minusDays(9).toString()));
        Object offered = formService.getTaskFormVariables(task("scheduleHearing", instance).getId()).get("certifiedOfficers");
        List<String> values = new ArrayList<>();
        JSON.readTree(offered.toString()).forEach(choice -> values.add(choice.path("value").asText()));
        assertThat(values).contains("xfhead").doesNotContain("xfhandler1", "xfhandler2", "qchandler1");
        // the investigators the presider may not be, by name (found in Chromium: "本案调查人员：xfhandler1,xfhandler2")
        assertThat(formService.getTaskFormVariables(task("scheduleHearing", instance).getId()).get("investigatorNames"))
                .hasToString("李明、王芳");
    }
}
