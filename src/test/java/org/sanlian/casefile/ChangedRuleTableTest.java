package org.sanlian.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * An analyst lowers the local legal-review threshold of legalReviewRequired (domain.md §2.5) and deploys it at run
 * time through /engine-rest/deployment/create, the multipart request Camunda Modeler sends. The deployment is
 * removed at the end, so every other test evaluates the tables shipped in bpmn/.
 */
@DisplayName("Changing a rule table at run time (issue 4 ¶5): new cases and evaluations use it, running cases keep theirs")
class ChangedRuleTableTest extends SanlianSpringTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    RepositoryService repositoryService;

    private ProcessInstance caseWaitingForItsReport(String party) {
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", party, "summary", "车辆超限行驶公路", "organisationCode", "xifeng",
                "occurredOn", java.time.LocalDate.now(org.sanlian.platform.ChinaTime.CHINA).toString()));
        taskService.complete(task("verifyLead", lead).getId(), Map.of("verificationFindings", "核查属实"));
        taskService.complete(task("decideFiling", lead).getId(), Map.of("filingDecision", "file"));
        String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(lead.getId()).variableName("caseNumber").singleResult().getValue();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("generalProcedure").processInstanceBusinessKey(caseNumber).singleResult();
        taskService.complete(task("investigate", instance).getId(), Map.of("investigator1", "xfhandler1",
                "investigator2", "xfhandler2", "investigationFindings", "称重记录"));
        return instance;
    }

    private void reportSixThousand(ProcessInstance instance) {
        taskService.complete(task("investigationReport", instance).getId(), Map.of("facts", "超限 12 吨",
                "legalBasis", "公路安全保护条例第六十四条", "proposedOutcome", "penalty", "partyType", "organisation",
                "violationCode", "LZ-CX", "proposedFine", 6000));
    }

    private boolean reviewRequiredFor(int fine) {
        ResponseEntity<String> result = post("analyst", "/engine-rest/decision-definition/key/legalReviewRequired/evaluate",
                variables(Map.of("majorPublicInterest", false, "hearingHeld", false, "complexCase", false,
                        "lawRequiresReview", false, "proposedFine", fine)));
        assertThat(result.getStatusCode()).as(result.getBody()).isEqualTo(HttpStatus.OK);
        return json(result).get(0).path("legalReviewRequired").path("value").asBoolean();
    }

    /** Every model and form, as bpmn/ and forms/ hold them, with the one table changed. */
    private LinkedMultiValueMap<String, Object> modelsWithChangedTable() throws IOException {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "analyst: 法制审核本地阈值 5000");
        form.add("deployment-source", "Camunda Modeler");
        form.add("enable-duplicate-filtering", "true");
        form.add("deploy-changed-only", "false");
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : new String[] {"classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn", "classpath*:forms/*.form"}) {
            for (Resource resource : resolver.getResources(pattern)) {
                String name = resource.getFilename();
                String content;
                try (InputStream in = resource.getInputStream()) {
                    content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (name.equals("legalReviewRequired.dmn")) {
                    String changed = content.replace("&gt;= 10000", "&gt;= 5000").replace("≥ 10000 元", "≥ 5000 元");
                    assertThat(changed).isNotEqualTo(content);
                    content = changed;
                }
                byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
                form.add(name, new ByteArrayResource(bytes) {
                    @Override
                    public String getFilename() {
                        return name;
                    }
                });
            }
        }
        return form;
    }

    @Test
    @DisplayName("行政处罚法 Art. 58 local threshold lowered from 10,000 to 5,000 yuan by analyst: a 6,000-yuan evaluation and a new case now need legal review; a case started before goes on without it (decisionRefBinding=deployment)")
    void newVersionForNewCasesOldForRunningOnes() throws IOException {
        assertThat(reviewRequiredFor(6000)).isFalse();
        ProcessInstance startedBefore = caseWaitingForItsReport("超限车主甲");

        ResponseEntity<String> refused = rest.withBasicAuth("xfhandler1", DEMO_PASSWORD)
                .postForEntity("/engine-rest/deployment/create", modelsWithChangedTable(), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> deployed = rest.withBasicAuth("analyst", DEMO_PASSWORD)
                .postForEntity("/engine-rest/deployment/create", modelsWithChangedTable(), String.class);
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        String deploymentId = json(deployed).path("id").asText();
        try {
            assertThat(json(deployed).path("deployedDecisionDefinitions").toString()).contains("legalReviewRequired");
            assertThat(reviewRequiredFor(5000)).isTrue();
            assertThat(reviewRequiredFor(4999)).isFalse();
            assertThat(reviewRequiredFor(6000)).isTrue();

            ProcessInstance startedAfter = caseWaitingForItsReport("超限车主乙");
            assertThat(repositoryService.getProcessDefinition(startedAfter.getProcessDefinitionId()).getDeploymentId())
                    .isEqualTo(deploymentId);
            reportSixThousand(startedAfter);
            assertThat(runtimeService.getVariable(startedAfter.getId(), "legalReviewRequired")).isEqualTo(true);
            assertThat(startedAfter).isWaitingAt("legalReview");

            reportSixThousand(startedBefore);
            assertThat(runtimeService.getVariable(startedBefore.getId(), "legalReviewRequired")).isEqualTo(false);
            assertThat(startedBefore).hasNotPassed("legalReview").isWaitingAt("issueNotice");
        } finally {
            repositoryService.deleteDeployment(deploymentId, true);
        }
        assertThat(reviewRequiredFor(6000)).isFalse();
    }
}
