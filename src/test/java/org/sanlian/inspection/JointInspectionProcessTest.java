package org.sanlian.inspection;

import org.sanlian.platform.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.platform.identifiers.ChineseIdentifiers;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@DisplayName("jointInspection — 联合双随机抽查 (国办发〔2015〕58号, 国发〔2019〕5号, domain.md §5)")
class JointInspectionProcessTest extends SanlianSpringTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    JointInspections inspections;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WorkingDayCalendar calendar;

    /** A Camunda REST variable holding a JSON array, as Tasklist submits a checklist. */
    private static Map<String, Object> jsonList(String... values) {
        try {
            return Map.of("value", JSON.writeValueAsString(List.of(values)), "type", "Json");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> body(Map<String, ?> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name,
                value instanceof Map<?, ?> typed ? typed : Map.of("value", value)));
        return Map.of("variables", variables);
    }

    /** Plans a joint inspection of Xifeng brigade and bureau through the start form, as xfhandler1. */
    private ResponseEntity<String> plan(Map<String, Object> overrides) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("planName", "2026年第四季度道路运输联合抽查");
        values.put("leadOrganisation", "xifeng");
        values.put("partnerOrganisation", "xfbureau");
        values.put("itemCodes", jsonList("ZF01", "ZF02", "HY01", "HY02"));
        values.put("marketSegments", jsonList("PASSENGER", "FREIGHT"));
        values.put("keySupervisionOnly", false);
        values.put("sampleCount", 3);
        values.put("inspectorsPerTarget", 2);
        values.put("periodStart", LocalDate.now(ChinaTime.CHINA).toString());
        values.put("periodEnd", LocalDate.now(ChinaTime.CHINA).plusDays(30).toString());
        values.put("drawSeed", "庆阳2026-四季度-摇号-0815");
        values.putAll(overrides);
        values.values().removeIf(v -> v == null || "".equals(v));
        return post("xfhandler1", "/engine-rest/process-definition/key/jointInspection/submit-form", body(values));
    }

    private ProcessInstance planned(Map<String, Object> overrides) {
        ResponseEntity<String> response = plan(overrides);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return runtimeService.createProcessInstanceQuery().processInstanceId(json(response).path("id").asText())
                .singleResult();
    }

    private void approve(ProcessInstance instance) {
        assertThat(instance).isWaitingAt("approveInspectionPlan");
        String taskId = taskIdOf("xfhead", instance.getId());
        ResponseEntity<String> done = post("xfhead", "/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("approvalDecision", "approve")));
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private Task visitTask(ProcessInstance instance, String visitNumber, String activity) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).list()
                .stream().filter(t -> visitNumber.equals(taskService.getVariable(t.getId(), "visitNumber")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + activity + " for " + visitNumber));
    }

    /** An officer the draw chose for that visit: only they record it. */
    private String drawn(String visitNumber) {
        return inspections.visit(visitNumber).inspectors().get(0);
    }

    private ResponseEntity<String> submit(String user, Task task, Map<String, ?> values) {
        return post(user, "/engine-rest/task/" + task.getId() + "/submit-form", variables(values));
    }

    private static Map<String, Object> allPass(List<String> items) {
        Map<String, Object> values = new LinkedHashMap<>();
        items.forEach(code -> values.put(JointInspections.resultField(code), "PASS"));
        return values;
    }

    private void executeTimer(ProcessInstance instance, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .timers().singleResult();
        assertThat(job).as("timer at " + activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    @Test
    @DisplayName("§5 whole course: plan → draw (≥2 certified, unconflicted inspectors per target) → head approves → plan and draw published → one combined visit per target → failed items become a lead in the competent body's queue carrying the visit's evidence, or 责令改正 with a re-check timer → results split per department → 20-day publication with overdue warning → statistics")
    void wholeCourse() {
        ProcessInstance instance = planned(Map.of());
        String planNumber = instance.getBusinessKey();
        assertThat(planNumber).matches("JC\\d{10}");
        assertThat(instance).hasPassed("recordInspectionPlan", "drawInspectionTargets");
        assertThat(inspections.plan(planNumber).getStatus()).isEqualTo(PlanStatus.DRAWN);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate())
                .isEqualTo(WorkingDayDeadlines.endOfDay(LocalDate.now(ChinaTime.CHINA)));

        // the draw: 3 targets, each with two certified inspectors from brigade and bureau, none conflicted
        JsonNode draw = json(get("citysupervisor", "/api/inspection/plans/" + planNumber + "/draw"));
        assertThat(draw.path("algorithmVersion").asText()).isEqualTo(DoubleRandomDraw.ALGORITHM_VERSION);
        assertThat(draw.path("seed").asText()).isEqualTo("庆阳2026-四季度-摇号-0815");
        List<InspectionVisit> visits = inspections.visitsOf(planNumber);
        assertThat(visits).hasSize(3);
        List<String> certified = List.of("xfhandler1", "xfhandler2", "xfhead", "xfinspect4", "xfbureau2", "xfbureau3",
                "xfbureau4");
        JsonNode conflicts = json(get("xfhandler1", "/api/inspection/conflicts"));
        for (InspectionVisit visit : visits) {
            assertThat(visit.inspectors()).hasSize(2).isSubsetOf(certified);
            assertThat(visit.inspectors()).anyMatch(id -> id.startsWith("xfbureau"));
            for (JsonNode conflict : conflicts) {
                if (conflict.path("uscc").asText().equals(visit.getEnterpriseUscc())) {
                    assertThat(visit.inspectors()).doesNotContain(conflict.path("userId").asText());
                }
            }
        }

        approve(instance);
        assertThat(inspections.plan(planNumber).getStatus()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(json(get("police1", "/api/inspection/plans/" + planNumber)).path("publishedAt").isNull()).isFalse();
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("conductVisit")
                .count()).isEqualTo(3);
        Task firstVisit = visitTask(instance, visits.get(0).getVisitNumber(), "conductVisit");
        assertThat(firstVisit).hasCandidateGroup("xifengHandler").hasCandidateGroup("xfbureauOfficer");
        assertThat(json(get("bureau1", "/engine-rest/task?processInstanceId=" + instance.getId()))).hasSize(3);

        // visit 1: unlicensed operation → lead with evidence; insurance missing → order to correct
        List<String> items = List.of("ZF01", "ZF02", "HY01", "HY02");
        Map<String, Object> first = allPass(items);
        first.put("item_ZF01_result", "FAIL");
        first.put("item_ZF01_followUp", "LEAD");
        first.put("item_ZF01_note", "两辆客车未取得道路运输证从事班线经营");
        first.put("item_ZF01_evidence", "https://evidence.sanlian.example/visits/photo-ZF01.jpg");
        first.put("item_HY01_result", "FAIL");
        first.put("item_HY01_followUp", "CORRECTION");
        first.put("item_HY01_note", "承运人责任险已过期");
        first.put("item_HY02_result", "NOT_APPLICABLE");
        // 双随机: an officer of the same bodies the draw did not choose cannot record the visit (found in Chromium)
        String notDrawn = java.util.stream.Stream.of("xfhandler1", "xfhandler2", "bureau1")
                .filter(user -> !inspections.visit(visits.get(0).getVisitNumber()).inspectors().contains(user))
                .findFirst().orElseThrow();
        ResponseEntity<String> stranger = submit(notDrawn, firstVisit, first);
        assertThat(stranger.getStatusCode()).as(stranger.getBody()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN);
        assertThat(inspections.visit(visits.get(0).getVisitNumber()).isVisited()).isFalse();
        ResponseEntity<String> recorded = submit(drawn(visits.get(0).getVisitNumber()), firstVisit, first);
        assertThat(recorded.getStatusCode()).as(recorded.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        // the lead lands in Xifeng brigade's queue (the competent body of ZF01), with the visit's evidence
        InspectionVisit visited = inspections.visit(visits.get(0).getVisitNumber());
        InspectionFinding leadFinding = inspections.findingsOf(visited).stream()
                .filter(f -> f.getItemCode().equals("ZF01")).findFirst().orElseThrow();
        String leadNumber = leadFinding.getLeadNumber();
        assertThat(leadNumber).matches("XS\\d{10}");
        JsonNode queue = json(get("xfhandler1", "/engine-rest/task?processDefinitionKey=leadIntake&candidateGroup=xifengHandler&processInstanceBusinessKey=" + leadNumber));
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).path("taskDefinitionKey").asText()).isEqualTo("verifyLead");
        JsonNode evidence = json(get("xfhandler1", "/engine-rest/task/" + queue.get(0).path("id").asText()
                + "/variables/inspectionEvidence"));
        assertThat(evidence.path("value").asText()).isEqualTo("https://evidence.sanlian.example/visits/photo-ZF01.jpg");
        JsonNode lead = json(get("xfhandler1", "/api/leads/" + leadNumber)).path("lead");
        assertThat(lead.path("source").asText()).isEqualTo("RANDOM_INSPECTION");
        assertThat(lead.path("partyName").asText()).isEqualTo(visits.get(0).getEnterpriseName());
        assertThat(lead.path("summary").asText()).contains("道路运输条例第六十三条", "photo-ZF01.jpg",
                visits.get(0).getVisitNumber());
        assertThat(json(get("qchandler1", "/engine-rest/task?processDefinitionKey=leadIntake&processInstanceBusinessKey=" + leadNumber))).isEmpty();

        // visit 2: an order to correct that is carried out; visit 3: all items pass
        Map<String, Object> second = allPass(items);
        second.put("item_HY02_result", "FAIL");
        second.put("item_HY02_followUp", "CORRECTION");
        second.put("item_HY02_note", "二级维护记录缺失");
        assertThat(submit(drawn(visits.get(1).getVisitNumber()), visitTask(instance, visits.get(1).getVisitNumber(), "conductVisit"), second)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(submit(drawn(visits.get(2).getVisitNumber()), visitTask(instance, visits.get(2).getVisitNumber(), "conductVisit"),
                allPass(items)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(inspections.visit(visits.get(2).getVisitNumber()).isVisited()).isTrue();

        // re-check timers: visit 1 not corrected → HY01 becomes a lead too; visit 2 corrected
        Job recheck = managementService.createJobQuery().processInstanceId(instance.getId()).activityId("recheckTimer")
                .timers().list().get(0);
        assertThat(recheck.getDuedate()).isEqualTo(WorkingDayDeadlines.endOfDay(
                LocalDate.now(ChinaTime.CHINA).plusDays(15)));
        managementService.createJobQuery().processInstanceId(instance.getId()).activityId("recheckTimer").timers()
                .list().forEach(job -> managementService.executeJob(job.getId()));
        assertThat(submit("xfhandler1", visitTask(instance, visits.get(0).getVisitNumber(), "recheckCorrection"),
                Map.of("recheckResult", "notCorrected", "recheckNote", "仍未续保")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(submit("xfhandler1", visitTask(instance, visits.get(1).getVisitNumber(), "recheckCorrection"),
                Map.of("recheckResult", "corrected", "recheckNote", "维护记录已补齐")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(inspections.findingsOf(visited).stream().filter(f -> f.getItemCode().equals("HY01"))
                .findFirst().orElseThrow().getLeadNumber()).matches("XS\\d{10}");

        // all visits done: results due within 20 days; the deadline passes → the head is warned, plan records it
        assertThat(instance).hasPassed("visits", "endJointInspection").isWaitingAt("publishInspectionResults");
        assertThat(inspections.plan(planNumber).getResultsDue())
                .isEqualTo(LocalDate.now(ChinaTime.CHINA).plusDays(20));
        executeTimer(instance, "resultsDeadlinePassed");
        assertThat(inspections.plan(planNumber).isResultsOverdue()).isTrue();
        String warning = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("resultsOverdueWarning").singleResult().getId();
        assertThat(taskService.createTaskQuery().taskId(warning).taskCandidateGroup("xifengHead").count()).isEqualTo(1);
        assertThat(post("xfhead", "/engine-rest/task/" + warning + "/submit-form",
                variables(Map.of("overdueMeasures", "已督促经办人三日内公示"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String publish = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("publishInspectionResults").singleResult().getId();
        assertThat(post("xfhandler1", "/engine-rest/task/" + publish + "/submit-form",
                variables(Map.of("publicationChannel", "国家企业信用信息公示系统（甘肃）"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(instance).isEnded().hasPassed("resultsOverdueWarning", "overdueWarned", "recordResultsPublication",
                "resultsPublished", "correctionVerified", "uncorrectedHandedOver", "visitCompleted");
        assertThat(inspections.plan(planNumber).getStatus()).isEqualTo(PlanStatus.RESULTS_PUBLISHED);

        // results split back per department, and the plan's statistics
        JsonNode results = json(get("xfhandler1", "/api/inspection/plans/" + planNumber + "/results"));
        assertThat(results.path("byDepartment").findValuesAsText("departmentCode")).containsExactly("xfbureau", "xifeng");
        JsonNode stats = json(get("citysupervisor", "/api/inspection/plans/" + planNumber + "/statistics"));
        assertThat(stats.path("targets").asInt()).isEqualTo(3);
        assertThat(stats.path("visited").asInt()).isEqualTo(3);
        assertThat(stats.path("itemsChecked").asInt()).isEqualTo(11);
        assertThat(stats.path("itemsFailed").asInt()).isEqualTo(3);
        assertThat(stats.path("leadsCreated").asInt()).isEqualTo(2);
        assertThat(stats.path("correctionsOrdered").asInt()).isEqualTo(2);
    }

    /** A value the task's form shows as Tasklist reads it (GET task/{id}/form-variables); empty when absent. */
    private String shownOn(String user, Task task, String name) {
        ResponseEntity<String> variables = get(user, "/engine-rest/task/" + task.getId()
                + "/form-variables?deserializeValues=false");
        assertThat(variables.getStatusCode().is2xxSuccessful()).as(variables.getBody()).isTrue();
        return json(variables).path(name).path("value").asText("");
    }

    @Test
    @DisplayName("行政处罚法第二十八条第一款 (conventions: every user task has a due date): 整改复查 opens when the 15-day correction period ends and is due 5 working days later (sanlian.inspection.recheck-working-days, a local choice) on the working-day calendar")
    void art28_recheckIsDueWorkingDaysAfterTheCorrectionPeriod() {
        ProcessInstance instance = planned(Map.of("drawSeed", "整改复查到期日"));
        approve(instance);
        List<InspectionVisit> visits = inspections.visitsOf(instance.getBusinessKey());
        List<String> items = List.of("ZF01", "ZF02", "HY01", "HY02");
        Map<String, Object> failed = allPass(items);
        failed.put("item_HY02_result", "FAIL");
        failed.put("item_HY02_followUp", "CORRECTION");
        failed.put("item_HY02_note", "二级维护记录缺失");
        for (InspectionVisit visit : visits) {
            Map<String, Object> values = visit == visits.get(0) ? failed : allPass(items);
            assertThat(submit(drawn(visit.getVisitNumber()), visitTask(instance, visit.getVisitNumber(), "conductVisit"),
                    values).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        executeTimer(instance, "recheckTimer");

        LocalDate correctionEnds = LocalDate.now(ChinaTime.CHINA).plusDays(15);
        LocalDate due = calendar.addWorkingDays(correctionEnds, 5).date();
        assertThat(due).isAfterOrEqualTo(correctionEnds.plusDays(5));
        Task recheck = visitTask(instance, visits.get(0).getVisitNumber(), "recheckCorrection");
        assertThat(recheck.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(due));
    }

    @Test
    @DisplayName("行政处罚法第二十八条第一款: the 整改复查 form shows the items ordered corrected, with what was found, and the correction deadline; the 公示检查结果 form shows the results themselves — bodies by name, never an API path")
    void recheckAndPublicationShowWhatTheyAreAbout() {
        ProcessInstance instance = planned(Map.of("drawSeed", "整改复查与结果公示"));
        String planNumber = instance.getBusinessKey();
        approve(instance);
        List<InspectionVisit> visits = inspections.visitsOf(planNumber);
        List<String> items = List.of("ZF01", "ZF02", "HY01", "HY02");
        Map<String, Object> failed = allPass(items);
        failed.put("item_HY01_result", "FAIL");
        failed.put("item_HY01_followUp", "CORRECTION");
        failed.put("item_HY01_note", "承运人责任险已过期");
        for (InspectionVisit visit : visits) {
            Map<String, Object> values = visit == visits.get(0) ? failed : allPass(items);
            assertThat(submit(drawn(visit.getVisitNumber()), visitTask(instance, visit.getVisitNumber(), "conductVisit"),
                    values).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        executeTimer(instance, "recheckTimer");

        Task recheck = visitTask(instance, visits.get(0).getVisitNumber(), "recheckCorrection");
        assertThat(shownOn("xfhandler1", recheck, "correctionItems"))
                .isEqualTo("- 客运、危险货物运输经营者投保承运人责任险（道路运输条例第六十七条）：承运人责任险已过期");
        LocalDate due = LocalDate.now(ChinaTime.CHINA).plusDays(15);
        assertThat(shownOn("xfhandler1", recheck, "correctionDeadline"))
                .isEqualTo(due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日");
        assertThat(submit("xfhandler1", recheck, Map.of("recheckResult", "corrected", "recheckNote", "已续保"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(instance).isWaitingAt("publishInspectionResults");
        Task publish = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("publishInspectionResults").singleResult();
        String results = shownOn("xfhandler1", publish, "inspectionResults");
        assertThat(results).contains("检查对象 3 户，已检查 3 户", "不合格 1 项次", "西峰区道路运输管理局：检查",
                "庆阳市交通运输综合行政执法队西峰大队：检查", visits.get(0).getEnterpriseName(),
                "客运、危险货物运输经营者投保承运人责任险不合格，责令改正（复查已改正）；承运人责任险已过期")
                .doesNotContain("/api/", "xfbureau");
    }

    @Test
    @DisplayName("§5, 国办发〔2019〕5号: the plan's start form offers the planner's city network as configured — the planner's own body leads, any of the network's bodies but the legal office takes part; a legal office as partner is refused naming partnerOrganisation")
    void planOffersTheBodiesOfThePlannersNetwork() {
        JsonNode form = json(get("xfhandler1", "/engine-rest/process-definition/key/jointInspection/deployed-start-form"));
        assertThat(optionsOf(form, "leadOrganisation")).containsExactly("xifeng");
        assertThat(optionsOf(form, "partnerOrganisation")).startsWith("qycity")
                .contains("xifeng", "zhenyuan", "xfbureau", "xfpolice").doesNotContain("qylegal");

        ResponseEntity<String> legalOffice = plan(Map.of("partnerOrganisation", "qylegal"));
        assertThat(legalOffice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(legalOffice).path("errors").findValuesAsText("field")).containsExactly("partnerOrganisation");
    }

    @Test
    @DisplayName("A planner acts only for a body they belong to (国发〔2019〕5号, domain.md §9): xfhandler1 of 西峰大队 naming 庆城's team or the city team as 牵头单位 is refused 400 naming leadOrganisation and nothing is stored; the start form offers 西峰 alone; the city team, which leads the network, may name any of its enforcement bodies")
    void plannerLeadsOnlyForTheirOwnBody() {
        JsonNode form = json(get("xfhandler1", "/engine-rest/process-definition/key/jointInspection/deployed-start-form"));
        assertThat(optionsOf(form, "leadOrganisation")).containsExactly("xifeng");
        Integer plansBefore = jdbc.queryForObject("select count(*) from inspection_plan", Integer.class);
        long instancesBefore = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey("jointInspection").count();

        for (String otherBody : List.of("qingcheng", "qycity")) {
            ResponseEntity<String> refused = plan(Map.of("leadOrganisation", otherBody));
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json(refused).path("errors").findValuesAsText("field")).containsExactly("leadOrganisation");
        }
        assertThat(jdbc.queryForObject("select count(*) from inspection_plan", Integer.class)).isEqualTo(plansBefore);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("jointInspection").count())
                .isEqualTo(instancesBefore);

        JsonNode cityForm = json(get("cityhandler1",
                "/engine-rest/process-definition/key/jointInspection/deployed-start-form"));
        assertThat(optionsOf(cityForm, "leadOrganisation")).containsExactly("qycity", "xifeng", "qingcheng",
                "huanxian", "huachi", "heshui", "zhengning", "ningxian", "zhenyuan");
    }

    private static List<String> optionsOf(JsonNode form, String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component.path("values").findValuesAsText("value");
            }
        }
        throw new AssertionError("the form has no field " + key);
    }

    @Test
    @DisplayName("§5 auditable: the auditor's re-run of the stored draw reproduces it exactly; a changed seed or pool in the record gives a different draw")
    void auditorReRunsTheDraw() throws Exception {
        ProcessInstance instance = planned(Map.of("drawSeed", "audit-seed-1"));
        String planNumber = instance.getBusinessKey();
        String path = "/api/inspection/plans/" + planNumber + "/draw/verification";
        JsonNode verification = json(get("citysupervisor", path));
        assertThat(verification.path("reproduced").asBoolean()).isTrue();
        assertThat(verification.path("recomputedResultSha256").asText())
                .isEqualTo(verification.path("storedResultSha256").asText());
        String storedResult = json(get("citysupervisor", "/api/inspection/plans/" + planNumber + "/draw")).path("result").asText();
        Long planId = inspections.plan(planNumber).getId();

        jdbc.update("UPDATE inspection_draw SET seed = ? WHERE plan_id = ?", "audit-seed-2", planId);
        JsonNode changedSeed = json(get("citysupervisor", path));
        assertThat(changedSeed.path("reproduced").asBoolean()).isFalse();
        assertThat(changedSeed.path("recomputed").toString()).isNotEqualTo(JSON.readTree(storedResult).toString());

        jdbc.update("UPDATE inspection_draw SET seed = ? WHERE plan_id = ?", "audit-seed-1", planId);
        assertThat(json(get("citysupervisor", path)).path("reproduced").asBoolean()).isTrue();
        String pool = jdbc.queryForObject("SELECT target_pool_json FROM inspection_draw WHERE plan_id = ?", String.class, planId);
        String firstDrawn = inspections.visitsOf(planNumber).get(0).getEnterpriseUscc();
        String smallerPool = pool.replace("\"lastInspectedOn\":null,\"marketSegment\"", "\"lastInspectedOn\":\"" + LocalDate.now(ChinaTime.CHINA) + "\",\"marketSegment\"");
        assertThat(smallerPool).isNotEqualTo(pool);
        jdbc.update("UPDATE inspection_draw SET target_pool_json = ? WHERE plan_id = ?", smallerPool, planId);
        JsonNode changedPool = json(get("citysupervisor", path));
        assertThat(changedPool.path("reproduced").asBoolean()).isFalse();
        assertThat(changedPool.path("recomputed").path("targets").findValuesAsText("uscc")).doesNotContain(firstDrawn);
    }

    @Test
    @DisplayName("§5: the head may reject the plan with a reason (without one → 400 naming approvalNote); the plan ends, its draw stays on record")
    void headRejectsPlan() {
        ProcessInstance instance = planned(Map.of("drawSeed", "reject-seed"));
        String taskId = taskIdOf("xfhead", instance.getId());
        ResponseEntity<String> refused = post("xfhead", "/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("approvalDecision", "reject")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").get(0).path("field").asText()).isEqualTo("approvalNote");
        assertThat(post("xfhead", "/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("approvalDecision", "reject", "approvalNote", "抽查比例不足"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(instance).isEnded().hasPassed("planRejected");
        assertThat(inspections.plan(instance.getBusinessKey()).getStatus()).isEqualTo(PlanStatus.REJECTED);
        assertThat(json(get("citysupervisor", "/api/inspection/plans/" + instance.getBusinessKey()
                + "/draw/verification")).path("reproduced").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("the server checks the plan: one body, items of one department, ratio and count together, one inspector per target (道路运输条例 Art. 59) → 400 naming each field, nothing started")
    void badPlanIsRefused() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("jointInspection").count();
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("partnerOrganisation", "xifeng");
        overrides.put("itemCodes", jsonList("ZF01", "ZF02"));
        overrides.put("samplingPercent", 10);
        ResponseEntity<String> refused = plan(overrides);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "partnerOrganisation", "itemCodes", "samplingPercent");
        ResponseEntity<String> oneInspector = plan(Map.of("inspectorsPerTarget", 1));
        assertThat(oneInspector.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(oneInspector).path("errors").findValuesAsText("field")).containsExactly("inspectorsPerTarget");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("jointInspection").count())
                .isEqualTo(before);
    }

    @Test
    @DisplayName("the combined checklist: an item without result, or a failed one without note and follow-up → 400 naming the fields, the visit task stays open")
    void incompleteChecklistIsRefused() {
        ProcessInstance instance = planned(Map.of("drawSeed", "checklist-seed", "sampleCount", 1));
        approve(instance);
        String visitNumber = inspections.visitsOf(instance.getBusinessKey()).get(0).getVisitNumber();
        Task visit = visitTask(instance, visitNumber, "conductVisit");
        Map<String, Object> values = new LinkedHashMap<>(Map.of("item_ZF01_result", "FAIL", "item_ZF02_result", "PASS",
                "item_HY01_result", "PASS"));
        ResponseEntity<String> refused = submit(drawn(visitNumber), visit, values);
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "item_ZF01_followUp", "item_ZF01_note", "item_HY02_result");
        assertThat(taskService.createTaskQuery().taskId(visit.getId()).count()).isEqualTo(1);
        assertThat(inspections.visit(visitNumber).isVisited()).isFalse();
    }

    @Test
    @DisplayName("registers (一单两库): demo enterprises with vehicles, inspectors, items with legal basis; only the administrator adds; a unified social credit code with a wrong check digit (GB 32100-2015) → 400 naming uscc")
    void registers() {
        JsonNode enterprises = json(get("xfhandler1", "/api/inspection/enterprises"));
        assertThat(enterprises.size()).isGreaterThanOrEqualTo(20);
        enterprises.forEach(e -> assertThat(ChineseIdentifiers.isCreditCode(e.path("uscc").asText())).isTrue());
        assertThat(enterprises.findValuesAsText("marketSegment")).contains("PASSENGER", "FREIGHT", "REPAIR",
                "DRIVER_TRAINING", "TAXI");
        assertThat(json(get("xfhandler1", "/api/inspection/items")).findValuesAsText("legalBasis"))
                .allMatch(basis -> !basis.isBlank());
        assertThat(json(get("xfhandler1", "/api/inspection/inspectors")).findValuesAsText("userId")).contains("bureau1");

        Map<String, Object> enterprise = new LinkedHashMap<>();
        String valid = withCheckDigit("91621002MA71XYW12");
        String wrongCheck = valid.substring(0, 17) + (valid.endsWith("0") ? "1" : "0");
        enterprise.put("uscc", wrongCheck);
        enterprise.put("name", "西峰区测试运输有限公司");
        enterprise.put("areaCode", "621002");
        enterprise.put("marketSegment", "FREIGHT");
        enterprise.put("riskGrade", "LOW");
        assertThat(post("xfhandler1", "/api/inspection/enterprises", enterprise).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> refused = post("admin", "/api/inspection/enterprises", enterprise);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").findValuesAsText("field")).containsExactly("uscc");

        enterprise.put("uscc", valid);
        assertThat(post("admin", "/api/inspection/enterprises", enterprise).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> conflict = post("admin", "/api/inspection/conflicts",
                Map.of("userId", "xfhandler1", "uscc", valid, "reason", "配偶为该企业股东"));
        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(get("xfhandler1", "/api/inspection/conflicts")).findValuesAsText("uscc")).contains(valid);
    }

    @Test
    @DisplayName("国办发〔2015〕58号 (no check without a listed item): every item of the 抽查事项清单 can be planned and has its result, follow-up, note and evidence fields in the combined checklist form")
    void checklistFormCoversEveryItem() throws Exception {
        JsonNode visitForm = JSON.readTree(new org.springframework.core.io.ClassPathResource("forms/conductVisit.form")
                .getInputStream());
        JsonNode planForm = JSON.readTree(new org.springframework.core.io.ClassPathResource("forms/planJointInspection.form")
                .getInputStream());
        List<String> keys = visitForm.path("components").findValuesAsText("key");
        List<String> plannable = new ArrayList<>();
        planForm.path("components").forEach(c -> {
            if (c.path("key").asText().equals("itemCodes")) {
                c.path("values").forEach(v -> plannable.add(v.path("value").asText()));
            }
        });
        JsonNode items = json(get("xfhandler1", "/api/inspection/items"));
        assertThat(items.size()).isGreaterThanOrEqualTo(9);
        for (JsonNode item : items) {
            String code = item.path("code").asText();
            assertThat(plannable).contains(code);
            assertThat(keys).contains(JointInspections.resultField(code), JointInspections.followUpField(code),
                    JointInspections.noteField(code), JointInspections.evidenceField(code));
        }
    }

    /** Completes a 17-character code with its GB 32100-2015 check character, by trying each of the 31. */
    private static String withCheckDigit(String first17) {
        List<String> valid = new ArrayList<>();
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (ChineseIdentifiers.isCreditCode(first17 + c)) {
                valid.add(first17 + c);
            }
        }
        assertThat(valid).hasSize(1);
        return valid.get(0);
    }
}
