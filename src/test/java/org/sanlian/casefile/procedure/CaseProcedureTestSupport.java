package org.sanlian.casefile.procedure;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.core.io.ByteArrayResource;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import org.sanlian.support.Notices;
import org.sanlian.platform.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import org.sanlian.penalty.PenaltyRecords;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.support.SanlianSpringTest;
import org.camunda.bpm.engine.FormService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A filed general-procedure case driven step by step, and submits through /engine-rest as Tasklist makes them. */
abstract class CaseProcedureTestSupport extends SanlianSpringTest {

    static final LocalDate TODAY = LocalDate.now(ChinaTime.CHINA);

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    ProcedureFacts facts;

    /** The case's penalty and payment records, kept by the penalty module. */
    @Autowired
    PenaltyRecords penalties;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    /** Hibernate's statistics, on and cleared: what a test then loads is counted (e.g. entities that carry a file). */
    Statistics countingLoads() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        return statistics;
    }

    @AfterEach
    void statisticsOff() {
        entityManagerFactory.unwrap(SessionFactory.class).getStatistics().setStatisticsEnabled(false);
    }

    /** A lead registered, verified and filed by the head of 西峰: the case waits in its first task. */
    ProcessInstance filedCase(String party) {
        return filedCase(party, null, TODAY);
    }

    /**
     * As {@link #filedCase(String)}, for an act of that plate (or none) and that date. With no date, the case stands
     * for one filed before the act's date was required (行政处罚法 Art. 36 checks came later): filed with a date, which
     * is then taken off its lead.
     */
    ProcessInstance filedCase(String party, String plate, LocalDate occurredOn) {
        Map<String, Object> registration = new HashMap<>(Map.of("source", "INSPECTION", "partyName", party,
                "summary", "未取得道路运输经营许可，擅自从事道路客运经营", "organisationCode", "xifeng"));
        if (plate != null) {
            registration.put("plateNumber", plate);
        }
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", registration);
        taskService.complete(task("verifyLead", lead).getId(), Map.of("verificationFindings", "核查属实",
                "occurredOn", (occurredOn == null ? TODAY : occurredOn).toString()));
        taskService.complete(task("decideFiling", lead).getId(), Map.of("filingDecision", "file"));
        String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(lead.getId()).variableName("caseNumber").singleResult().getValue();
        if (occurredOn == null) {
            jdbc.update("update case_lead set occurred_on = null where lead_number ="
                    + " (select lead_number from case_file where case_number = ?)", caseNumber);
        }
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("generalProcedure")
                .processInstanceBusinessKey(caseNumber).singleResult();
    }

    String caseNumberOf(ProcessInstance instance) {
        return instance.getBusinessKey();
    }

    void complete(ProcessInstance instance, String taskKey, Map<String, Object> values) {
        assertThat(instance).isWaitingAt(taskKey);
        taskService.complete(task(taskKey, instance).getId(), values);
    }

    /** Submits the task's form through /engine-rest as the given officer (Tasklist's call). */
    ResponseEntity<String> submit(String user, ProcessInstance instance, String taskKey, Map<String, ?> values) {
        Task open = task(taskKey, instance);
        assertThat(open).as(taskKey + " open").isNotNull();
        return post(user, "/engine-rest/task/" + open.getId() + "/submit-form", variables(values));
    }

    /** A value of an open task's form variables as Tasklist reads them (GET task/{id}/form-variables), as text. */
    String formVariable(ProcessInstance instance, String taskKey, String name) {
        ResponseEntity<String> variables = get("xfhandler1", "/engine-rest/task/" + task(taskKey, instance).getId()
                + "/form-variables?deserializeValues=false");
        assertThat(variables.getStatusCode().is2xxSuccessful()).as(variables.getBody()).isTrue();
        return json(variables).path(name).path("value").asText();
    }

    /** The same as the given officer reads it (an approver's form); empty when the form shows nothing by that name. */
    String formVariable(String user, ProcessInstance instance, String taskKey, String name) {
        ResponseEntity<String> variables = get(user, "/engine-rest/task/" + task(taskKey, instance).getId()
                + "/form-variables?deserializeValues=false");
        assertThat(variables.getStatusCode().is2xxSuccessful()).as(variables.getBody()).isTrue();
        return json(variables).path(name).path("value").asText("");
    }

    /** 400 naming the field, in Problem Details. */
    static void assertRefused(ResponseEntity<String> response, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = json(response).path("errors");
        assertThat(errors.findValuesAsText("field")).as(response.getBody()).contains(field);
    }

    void investigate(ProcessInstance instance, String taskKey) {
        complete(instance, taskKey, Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler2",
                "investigationFindings", "询问当事人，制作询问笔录"));
    }

    void report(ProcessInstance instance, String taskKey, int fine) {
        report(instance, taskKey, "LZ-CX", fine);
    }

    void report(ProcessInstance instance, String taskKey, String violationCode, int fine) {
        Map<String, Object> report = new HashMap<>(Map.of("facts", "当事人驾驶车辆载客收费", "legalBasis",
                "《道路运输条例》第六十三条", "proposedOutcome", "penalty", "partyType", "citizen", "violationCode",
                violationCode, "proposedFine", fine));
        complete(instance, taskKey, report);
    }

    /** Filed, investigated and reported with a proposed fine (LZ-CX): from 10,000 yuan it waits in 法制审核. */
    ProcessInstance reported(String party, int fine) {
        ProcessInstance instance = filedCase(party);
        investigate(instance, "investigate");
        report(instance, "investigationReport", fine);
        return instance;
    }

    /** Investigated and reported with a proposed fine, legally reviewed where the table asks: waits in 违法行为通知书. */
    ProcessInstance proposed(String party, int fine) {
        ProcessInstance instance = reported(party, fine);
        if (fine >= 10000) {
            complete(instance, "legalReview", Map.of("reviewOpinion", "approve"));
        }
        assertThat(instance).isWaitingAt("issueNotice");
        return instance;
    }

    /**
     * Notified 20 days ago and re-checked at the same fine: the notice's statement and hearing-request periods have
     * ended (行政处罚法 Arts. 62, 64(1)), so the case waits in 处罚决定审批 and the head may decide.
     */
    ProcessInstance rechecked(String party, int fine) {
        ProcessInstance instance = proposed(party, fine);
        filedDaysAgo(instance, 30);
        complete(instance, "issueNotice", Notices.served(TODAY.minusDays(20)));
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "当事人未提出新的事实", "finalFine", fine));
        assertThat(instance).isWaitingAt("decidePenalty");
        return instance;
    }

    /** The case was filed {@code days} ago (its stored filing date; the engine's clock stays today). */
    void filedDaysAgo(ProcessInstance instance, int days) {
        jdbc.update("update case_file set filed_at = ? where case_number = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(days))), caseNumberOf(instance));
    }

    /** The stored decision was made {@code days} ago, and the case filed before it. */
    void decidedDaysAgo(ProcessInstance instance, int days) {
        filedDaysAgo(instance, days + 30);
        jdbc.update("update case_penalty set decided_on = ? where case_number = ?",
                java.sql.Date.valueOf(TODAY.minusDays(days)), caseNumberOf(instance));
    }

    /** A decided penalty of {@code fine} yuan served {@code daysAgo} days ago: waits in 缴纳罚款. */
    ProcessInstance servedPenalty(String party, int fine, int daysAgo) {
        ProcessInstance instance = rechecked(party, fine);
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        decidedDaysAgo(instance, daysAgo);
        complete(instance, "serveDecision", Map.of("serviceMethod", "direct", "servedOn",
                TODAY.minusDays(daysAgo).toString(), "recipient", party, "receiptSignature", "signed"));
        assertThat(instance).isWaitingAt("recordPayment");
        return instance;
    }

    /** Deploys the model with the forms and tables it binds to (binding "deployment"), as an analyst's Modeler does. */
    ResponseEntity<String> deployWithFormsAndTables(String name, String bpmn) throws IOException {
        return deployWithFormsAndTables(name, bpmn, Map.of());
    }

    /** As above, with some forms (by file name) as an analyst changed them. */
    ResponseEntity<String> deployWithFormsAndTables(String name, String bpmn, Map<String, String> changedForms)
            throws IOException {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", name);
        form.add("generalProcedure.bpmn", file("generalProcedure.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));
        try (Stream<Path> files = Stream.concat(
                Files.list(Path.of("forms")), Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".dmn")))) {
            for (Path path : files.toList()) {
                String fileName = path.getFileName().toString();
                byte[] content = changedForms.containsKey(fileName)
                        ? changedForms.get(fileName).getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(path);
                form.add(fileName, file(fileName, content));
            }
        }
        return rest.withBasicAuth("admin", DEMO_PASSWORD).postForEntity("/engine-rest/deployment/create", form,
                String.class);
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
