package org.sanlian.casefile.procedure;

import org.sanlian.support.Notices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.casefile.CaseStatus;
import org.sanlian.document.CaseDocument;
import org.sanlian.document.DocumentKind;
import org.sanlian.document.Documents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11, item 5: the model says what each step does. A user task names its rule in the extension property
 * {@code rule}; renaming the task's id in Modeler keeps its rule and its 文书, and deployment refuses a task of the
 * case procedures with no rule or an unknown one.
 */
@DisplayName("issue 11 — each user task names its rule in the model; renamed tasks keep their rules and documents")
class StepRuleRenameTest extends CaseProcedureTestSupport {

    private static final Pattern USER_TASK_ID = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"");

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    Documents documents;

    private static String model(String file) throws IOException {
        return Files.readString(Path.of("bpmn", file), StandardCharsets.UTF_8);
    }

    /** Every user task id, and every reference to it, gets the suffix "Renamed"; forms keep their ids. */
    private static String renamed(String bpmn) {
        Matcher tasks = USER_TASK_ID.matcher(bpmn);
        String result = bpmn;
        while (tasks.find()) {
            String id = tasks.group(1);
            result = result.replaceAll("(\\b(?:id|sourceRef|targetRef|bpmnElement|attachedToRef)=\")" + id + "\"",
                    "$1" + id + "Renamed\"");
        }
        return result;
    }

    @Test
    @DisplayName("issue 11 item 5: a generalProcedure whose user-task ids were all renamed still runs each step's rule (refusals included) and makes its 文书, from filing to archive")
    void renamedTasksKeepTheirRulesAndDocuments() throws IOException {
        String bpmn = renamed(model("generalProcedure.bpmn"));
        assertThat(bpmn).contains("id=\"investigateRenamed\"", "id=\"decidePenaltyRenamed\"")
                .doesNotContain("<bpmn:userTask id=\"investigate\"");
        ResponseEntity<String> deployed = deployWithFormsAndTables("renamed-tasks", bpmn);
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        String deploymentId = json(deployed).path("id").asText();
        try {
            ProcessInstance instance = filedCase("改名当事人");
            String caseNumber = caseNumberOf(instance);
            assertThat(instance).isWaitingAt("investigateRenamed");

            // 调查取证 (Art. 42): one investigator is refused
            assertRefused(submit("xfhandler1", instance, "investigateRenamed", Map.of("investigator1", "xfhandler1",
                    "investigationFindings", "调查")), "investigator2");
            investigate(instance, "investigateRenamed");
            assertThat(facts.officers(caseNumber, CaseOfficer.Role.INVESTIGATOR)).containsExactly("xfhandler1", "xfhandler2");
            report(instance, "investigationReportRenamed", 2000);
            assertThat(documents.latest(caseNumber, DocumentKind.INVESTIGATION_REPORT)).isPresent();

            // 违法行为通知书: not before filing; the notice is made
            assertRefused(submit("xfhandler1", instance, "issueNoticeRenamed",
                    Notices.served(TODAY.minusDays(1))), "noticeServedOn");
            complete(instance, "issueNoticeRenamed", Notices.served(TODAY));
            assertThat(documents.latest(caseNumber, DocumentKind.PRE_PENALTY_NOTICE)).isPresent();

            // 陈述申辩与复核 (Art. 45): not above the notified fine
            assertRefused(submit("xfhandler1", instance, "statementAndRecheckRenamed",
                    Map.of("recheckConclusion", "加重", "finalFine", 3000)), "finalFine");
            complete(instance, "statementAndRecheckRenamed", Map.of("statementMade", true, "statementSummary", "无异议",
                    "recheckConclusion", "维持", "finalFine", 2000));

            // 处罚决定审批: numbered decision, its document
            assertRefused(submit("xfhead", instance, "decidePenaltyRenamed", Map.of("headDecision", "approve",
                    "finalFine", 2500)), "finalFine");
            complete(instance, "decidePenaltyRenamed", Map.of("headDecision", "approve"));
            CaseDocument decision = documents.latest(caseNumber, DocumentKind.PENALTY_DECISION).orElseThrow();
            assertThat(decision.getDocumentNumber()).isEqualTo(penalties.penalty(caseNumber).orElseThrow().getDecisionNumber());

            complete(instance, "serveDecisionRenamed", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(),
                    "recipient", "改名当事人", "receiptSignature", "signed"));
            assertRefused(submit("xfhandler1", instance, "recordPaymentRenamed", Map.of("paymentOutcome", "paid",
                    "paidOn", TODAY.toString(), "amountPaid", 1000)), "amountPaid");
            complete(instance, "recordPaymentRenamed", Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(),
                    "amountPaid", 2000));
            complete(instance, "closeCaseRenamed", Map.of("closureReport", "罚款已缴纳，案件执行完毕"));
            assertThat(documents.latest(caseNumber, DocumentKind.CLOSURE_REPORT)).isPresent();
            complete(instance, "approveClosureRenamed", Map.of("closureDecision", "approve"));
            assertThat(instance).isEnded();
            assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.ARCHIVED);
            assertThat(caseFiles.history(caseNumber)).extracting(org.sanlian.casefile.CaseEvent::getStep)
                    .containsSubsequence("investigate", "investigationReport", "issueNotice", "statementAndRecheck",
                            "decidePenalty", "serveDecision", "recordPayment", "closeCase", "approveClosure",
                            "archiveCase");
        } finally {
            // the shipped model is the latest again for the rest of the suite
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    @DisplayName("issue 11 item 5: deployment refuses a user task of generalProcedure with no rule, or an unknown one, with 400 naming the element")
    void deploymentRefusesATaskWithoutItsRule() throws IOException {
        String shipped = model("generalProcedure.bpmn");
        // the property alone, whatever the layout of its camunda:properties (Modeler writes one element a line)
        String property = "<camunda:property name=\"rule\" value=\"penaltyDecision\" />";
        assertThat(shipped).contains(property);
        long before = repositoryService.createProcessDefinitionQuery().processDefinitionKey("generalProcedure").count();

        ResponseEntity<String> missing = deploy("admin", "generalProcedure.bpmn", shipped.replace(property, ""));
        assertThat(missing.getStatusCode()).as(missing.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody()).contains("decidePenalty", "rule");

        ResponseEntity<String> unknown = deploy("admin", "generalProcedure.bpmn",
                shipped.replace(property, property.replace("penaltyDecision", "noSuchRule")));
        assertThat(unknown.getStatusCode()).as(unknown.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("decidePenalty", "noSuchRule");

        String summary = model("summaryProcedure.bpmn");
        ResponseEntity<String> foreign = deploy("admin", "summaryProcedure.bpmn",
                summary.replace("value=\"onTheSpotDecision\"", "value=\"penaltyDecision\""));
        assertThat(foreign.getStatusCode()).as(foreign.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(foreign.getBody()).contains("issueOnTheSpotDecision");

        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("generalProcedure").count())
                .isEqualTo(before);
        assertThat(List.of(missing, unknown, foreign)).allSatisfy(r -> assertThat(r.getBody()).doesNotContain("Exception:"));
    }
}
