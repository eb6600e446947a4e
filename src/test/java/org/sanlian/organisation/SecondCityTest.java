package org.sanlian.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.SanlianApplication;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.lead.LeadService;
import org.sanlian.lead.LeadStatus;
import org.sanlian.platform.ChinaTime;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 17: a second city without a code change. The application starts with the configuration of
 * application-pingliang.yaml (平凉市, its legal office and two brigades, their users) beside the pilot's 庆阳市, and a
 * lead registered in 泾川县 goes to filing there: competent body, candidate groups, case number and the city's
 * reviewers all come from that configuration. An application of its own (one per JVM, see pom.xml).
 */
@DisplayName("a second city (平凉市) configured beside the pilot: 行政处罚法 Art. 22 jurisdiction, 9号令 Art. 63 filing, Art. 58 review by its own 法制科")
class SecondCityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ConfigurableApplicationContext application;
    static ProcessEngine engine;

    @BeforeAll
    static void start() {
        application = new SpringApplicationBuilder(SanlianApplication.class).run(
                "--spring.profiles.active=demo,pingliang",
                "--spring.datasource.url=jdbc:h2:mem:secondcity;DB_CLOSE_DELAY=-1",
                "--server.port=0",
                "--camunda.bpm.process-engine-name=secondcity",
                "--camunda.bpm.job-execution.enabled=false",
                "--sanlian.documents.template-dir=target/document-templates-secondcity");
        engine = application.getBean(ProcessEngine.class);
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    @DisplayName("行政处罚法 Art. 59, domain.md §2.16: the second city's decisions name its own bank, 复议机关 and court, configured per body; a brigade without its own takes its city team's")
    void decisionParticularsPerBody() {
        Organisations organisations = application.getBean(Organisations.class);
        assertThat(organisations.particulars("kongtong")).isEqualTo(new Organisations.DecisionParticulars(
                "中国工商银行股份有限公司平凉分行", "2707000109200088888", "平凉市人民政府", "平凉市崆峒区人民法院"));
        assertThat(organisations.particulars("jingchuan").reconsiderationBody()).isEqualTo("泾川县人民政府");
        assertThat(organisations.particulars("jingchuan").court()).isEqualTo("泾川县人民法院");
    }

    @Test
    @DisplayName("the configured bodies become organisations and Camunda groups, with the city's reviewer and supervisor groups")
    void configuredBodiesAndGroups() {
        OrganisationRepository organisations = application.getBean(OrganisationRepository.class);
        assertThat(organisations.findById("jingchuan")).get()
                .extracting(Organisation::getName, Organisation::getParentCode, Organisation::getNumberPrefix)
                .containsExactly("泾川县交通运输综合行政执法大队", "plcity", "泾川交执");
        assertThat(engine.getIdentityService().createGroupQuery().groupMember("plreviewer").list())
                .extracting(g -> g.getId()).contains("pllegal", "pllegalLegalReviewer");
        EnforcementNetworks networks = application.getBean(EnforcementNetworks.class);
        assertThat(networks.cityTeamOf("jingchuan")).isEqualTo("plcity");
        assertThat(networks.cityTeamOf("ktbureau")).as("a bureau outside the hierarchy: its prefecture 6208")
                .isEqualTo("plcity");
        assertThat(networks.cityTeamOf("xifeng")).as("the pilot stays configured beside it").isEqualTo("qycity");
    }

    @Test
    @DisplayName("a lead of 泾川县 (620821) goes to the 泾川 brigade (Art. 22), is verified and filed by its own handlers and head, numbered 泾川交执立〔year〕N号; 法制审核 and 超期督办 go to 平凉's 法制科")
    void leadToFilingInTheSecondCity() {
        ProcessInstance intake;
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("leadIntake").latestVersion().singleResult().getId();
        // the 泾川 handler registers (the start event's initiator), with the rights of the groups configuration gave them
        engine.getIdentityService().setAuthentication("jchandler1", engine.getIdentityService().createGroupQuery()
                .groupMember("jchandler1").list().stream().map(g -> g.getId()).toList());
        try {
            intake = engine.getFormService().submitStartForm(definition, Map.of("source", "INSPECTION",
                    "partyName", "泾川县某货运有限公司", "summary", "路面检查发现货车未取得道路运输证从事货物运输",
                    "areaCode", "620821", "plateNumber", "甘L12345"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        LeadService leads = application.getBean(LeadService.class);
        String leadNumber = intake.getBusinessKey();
        assertThat(leads.byNumber(leadNumber).getOrganisationCode()).isEqualTo("jingchuan");

        Task verification = openTask(intake.getId());
        assertThat(verification.getTaskDefinitionKey()).isEqualTo("verifyLead");
        assertThat(candidateGroups(verification)).containsExactly("jingchuanHandler");
        engine.getTaskService().complete(verification.getId(), Map.of("verificationFindings", "经核查，车辆无道路运输证", "occurredOn",
                java.time.LocalDate.now(org.sanlian.platform.ChinaTime.CHINA).toString()));

        Task filing = openTask(intake.getId());
        assertThat(filing.getTaskDefinitionKey()).isEqualTo("decideFiling");
        assertThat(candidateGroups(filing)).containsExactly("jingchuanHead");
        engine.getTaskService().complete(filing.getId(), Map.of("filingDecision", "file"));

        String caseNumber = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(intake.getId()).variableName("caseNumber").singleResult().getValue();
        int year = LocalDate.now(ChinaTime.CHINA).getYear();
        assertThat(caseNumber).matches("泾川交执立〔" + year + "〕[1-9]\\d*号");
        assertThat(application.getBean(CaseFiles.class).byNumber(caseNumber).getOrganisationCode())
                .isEqualTo("jingchuan");
        assertThat(leads.byNumber(leadNumber).getStatus()).isEqualTo(LeadStatus.FILED);

        ProcessInstance procedure = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("generalProcedure").processInstanceBusinessKey(caseNumber).singleResult();
        Map<String, Object> variables = engine.getRuntimeService().getVariables(procedure.getId());
        assertThat(variables).containsEntry("organisationCode", "jingchuan")
                .containsEntry("legalReviewerGroup", "pllegalLegalReviewer")
                .containsEntry("supervisorGroup", "pllegalSupervisor");
        assertThat(candidateGroups(openTask(procedure.getId()))).containsExactly("jingchuanHandler");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 22, 23, 25 and 国办发〔2019〕5号: the forms offer the second city's own bodies — 崆峒's bureau hands over to 崆峒 or the city team, 平凉's handlers plan for their own body with 平凉's bodies, 平凉's city team designates among its own; 庆阳's bodies are refused there naming the field")
    void formsOfferTheSecondCitysBodies() throws Exception {
        HttpResponse<String> bureauFormResponse = call("ktofficer", "GET",
                "/engine-rest/engine/secondcity/process-definition/key/bureauLeadHandOver/deployed-start-form", null);
        assertThat(bureauFormResponse.statusCode()).as(bureauFormResponse.body()).isEqualTo(200);
        JsonNode bureauForm = JSON.readTree(bureauFormResponse.body());
        assertThat(optionsOf(bureauForm, "receiverCode")).containsExactly("plcity", "kongtong");
        JsonNode planForm = JSON.readTree(call("jchandler1", "GET",
                "/engine-rest/engine/secondcity/process-definition/key/jointInspection/deployed-start-form", null).body());
        assertThat(optionsOf(planForm, "leadOrganisation")).containsExactly("jingchuan");
        assertThat(optionsOf(planForm, "partnerOrganisation")).containsExactly("plcity", "kongtong", "jingchuan",
                "ktbureau");
        JsonNode leadForm = JSON.readTree(call("jchandler1", "GET",
                "/engine-rest/engine/secondcity/process-definition/key/leadIntake/deployed-start-form", null).body());
        assertThat(optionsOf(leadForm, "areaCode")).contains("620802", "620821", "620800");
        assertThat(application.getBean(BodyChoices.class).enforcementBodiesOfCity("plcity"))
                .extracting(BodyChoices.Choice::value).containsExactly("plcity", "kongtong", "jingchuan");

        HttpResponse<String> toQingyang = call("ktofficer", "POST",
                "/engine-rest/engine/secondcity/process-definition/key/bureauLeadHandOver/submit-form",
                JSON.writeValueAsString(Map.of("variables", Map.of("matter", Map.of("value", "taxi"), "receiverCode", Map.of("value", "xifeng"),
                                "partyName", Map.of("value", "崆峒区某出租汽车公司"),
                                "summary", Map.of("value", "日常监管中发现车辆未按规定检测即从事运输")))));
        assertThat(toQingyang.statusCode()).as(toQingyang.body()).isEqualTo(400);
        assertThat(JSON.readTree(toQingyang.body()).path("errors").findValuesAsText("field"))
                .containsExactly("receiverCode");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 25, 26: 泾川's handler sends a case (移送管辖) or asks for assistance (协查) only within 平凉's network — naming 庆阳's 西峰大队 through /api is refused 400 naming toOrganisation or assistingOrganisation, and nothing is stored; 崆峒 in the same network is accepted")
    void transfersAndAssistanceStayInTheCallersNetwork() throws Exception {
        ProcessInstance intake;
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("leadIntake").latestVersion().singleResult().getId();
        engine.getIdentityService().setAuthentication("jchandler1", engine.getIdentityService().createGroupQuery()
                .groupMember("jchandler1").list().stream().map(g -> g.getId()).toList());
        try {
            intake = engine.getFormService().submitStartForm(definition, Map.of("source", "INSPECTION",
                    "partyName", "泾川县某客运有限公司", "summary", "路面检查发现客车未按规定线路行驶",
                    "areaCode", "620821", "plateNumber", "甘L23456"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        engine.getTaskService().complete(openTask(intake.getId()).getId(), Map.of("verificationFindings",
                "经核查属实", "occurredOn", LocalDate.now(ChinaTime.CHINA).toString()));
        engine.getTaskService().complete(openTask(intake.getId()).getId(), Map.of("filingDecision", "file"));
        String caseNumber = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(intake.getId()).variableName("caseNumber").singleResult().getValue();
        org.springframework.jdbc.core.JdbcTemplate jdbc =
                application.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        Integer transfersBefore = jdbc.queryForObject("select count(*) from jurisdiction_transfer", Integer.class);
        Integer requestsBefore = jdbc.queryForObject("select count(*) from assistance_request", Integer.class);

        HttpResponse<String> transfer = call("jchandler1", "POST", "/api/transfers", JSON.writeValueAsString(Map.of(
                "kind", "TRANSFER", "subjectNumber", caseNumber, "toOrganisation", "xifeng", "reason", "当事人住所地在西峰")));
        assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(400);
        assertThat(JSON.readTree(transfer.body()).path("errors").findValuesAsText("field"))
                .containsExactly("toOrganisation");
        HttpResponse<String> assistance = call("jchandler1", "POST", "/api/assistance", JSON.writeValueAsString(
                Map.of("caseNumber", caseNumber, "assistingOrganisation", "xifeng", "matters", "请调取车辆营运记录")));
        assertThat(assistance.statusCode()).as(assistance.body()).isEqualTo(400);
        assertThat(JSON.readTree(assistance.body()).path("errors").findValuesAsText("field"))
                .containsExactly("assistingOrganisation");
        assertThat(jdbc.queryForObject("select count(*) from jurisdiction_transfer", Integer.class))
                .isEqualTo(transfersBefore);
        assertThat(jdbc.queryForObject("select count(*) from assistance_request", Integer.class))
                .isEqualTo(requestsBefore);

        HttpResponse<String> inNetwork = call("jchandler1", "POST", "/api/assistance", JSON.writeValueAsString(
                Map.of("caseNumber", caseNumber, "assistingOrganisation", "kongtong", "matters", "请调取车辆营运记录")));
        assertThat(inNetwork.statusCode()).as(inNetwork.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("法制监督 within its own city's network (domain.md §1 市级+县区; 行政处罚法 Art. 22): 庆阳's legal supervisor gets 404 for 平凉's case, its timeline, its Cockpit 案件要素 and its lead, and finds none of 平凉's bodies, deadlines, statistics, cases, leads or transfers in its lists; 平凉's own supervisor reads them")
    void supervisorsReadOnlyTheirOwnCity() throws Exception {
        String caseNumber = filedCaseInJingchuan("泾川县某危险货物运输有限公司", "甘L34567");
        String leadNumber = application.getBean(CaseFiles.class).byNumber(caseNumber).getLeadNumber();
        String procedure = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("generalProcedure").processInstanceBusinessKey(caseNumber).singleResult().getId();
        String encoded = java.net.URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20");

        for (String path : List.of("/api/cases/" + encoded, "/api/leads/" + leadNumber,
                "/api/supervision/timeline?reference=" + encoded,
                "/api/supervision/instance?processInstanceId=" + procedure)) {
            HttpResponse<String> own = call("plsupervisor", "GET", path, null);
            assertThat(own.statusCode()).as(path + " " + own.body()).isEqualTo(200);
            HttpResponse<String> other = call("citysupervisor", "GET", path, null);
            assertThat(other.statusCode()).as(path + " " + other.body()).isEqualTo(404);
        }

        JsonNode qingyangBodies = JSON.readTree(call("citysupervisor", "GET", "/api/supervision/options", null).body())
                .path("bodies");
        assertThat(qingyangBodies.findValuesAsText("code")).contains("xifeng", "qycity").doesNotContain("jingchuan",
                "plcity", "kongtong", "ktbureau");
        assertThat(JSON.readTree(call("plsupervisor", "GET", "/api/supervision/options", null).body()).path("bodies")
                .findValuesAsText("code")).contains("jingchuan", "plcity").doesNotContain("xifeng", "qycity");

        JsonNode ownDeadlines = JSON.readTree(call("plsupervisor", "GET", "/api/supervision/deadlines?state=ALL", null)
                .body());
        assertThat(ownDeadlines.findValuesAsText("caseNumber")).contains(caseNumber);
        JsonNode otherDeadlines = JSON.readTree(call("citysupervisor", "GET",
                "/api/supervision/deadlines?state=ALL&organisation=jingchuan", null).body());
        assertThat(otherDeadlines.isArray()).isTrue();
        assertThat(otherDeadlines).isEmpty();
        assertThat(JSON.readTree(call("citysupervisor", "GET", "/api/supervision/deadlines?state=ALL", null).body())
                .findValuesAsText("organisationCode")).doesNotContain("jingchuan");

        assertThat(JSON.readTree(call("plsupervisor", "GET", "/api/supervision/statistics", null).body())
                .path("bodies").findValuesAsText("organisationCode")).contains("jingchuan");
        assertThat(JSON.readTree(call("citysupervisor", "GET", "/api/supervision/statistics?organisation=jingchuan",
                null).body()).path("bodies")).isEmpty();
        assertThat(call("citysupervisor", "GET", "/api/supervision/statistics.csv?table=bodies", null).body())
                .doesNotContain("泾川");

        assertThat(JSON.readTree(call("citysupervisor", "GET", "/api/cases", null).body())
                .findValuesAsText("caseNumber")).doesNotContain(caseNumber);
        assertThat(JSON.readTree(call("plsupervisor", "GET", "/api/cases", null).body())
                .findValuesAsText("caseNumber")).contains(caseNumber);
        assertThat(JSON.readTree(call("citysupervisor", "GET", "/api/leads", null).body())
                .findValuesAsText("leadNumber")).doesNotContain(leadNumber);
        assertThat(JSON.readTree(call("citysupervisor", "GET", "/api/case-list?q=" + encoded, null).body())
                .findValuesAsText("caseNumber")).doesNotContain(caseNumber);

        // 无人可办的任务: one offered only to a group of 崆峒 is 平凉's alarm, not 庆阳's
        Task unstaffed = engine.getTaskService().newTask();
        unstaffed.setName("崆峒无人可办的测试任务");
        engine.getTaskService().saveTask(unstaffed);
        engine.getTaskService().addCandidateGroup(unstaffed.getId(), "kongtongAnalyst");
        try {
            assertThat(JSON.readTree(call("plsupervisor", "GET", "/api/supervision/unstaffed-tasks", null).body())
                    .findValuesAsText("taskId")).contains(unstaffed.getId());
            assertThat(JSON.readTree(call("citysupervisor", "GET", "/api/supervision/unstaffed-tasks", null).body())
                    .findValuesAsText("taskId")).doesNotContain(unstaffed.getId());
        } finally {
            engine.getTaskService().deleteTask(unstaffed.getId(), true);
        }
    }

    /** A case filed in 泾川 by its handler and head, as leadToFilingInTheSecondCity does; its case number. */
    private static String filedCaseInJingchuan(String party, String plate) {
        ProcessInstance intake;
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("leadIntake").latestVersion().singleResult().getId();
        engine.getIdentityService().setAuthentication("jchandler1", engine.getIdentityService().createGroupQuery()
                .groupMember("jchandler1").list().stream().map(g -> g.getId()).toList());
        try {
            intake = engine.getFormService().submitStartForm(definition, Map.of("source", "INSPECTION",
                    "partyName", party, "summary", "路面检查发现车辆未按规定运输", "areaCode", "620821",
                    "plateNumber", plate));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        engine.getTaskService().complete(openTask(intake.getId()).getId(), Map.of("verificationFindings",
                "经核查属实", "occurredOn", LocalDate.now(ChinaTime.CHINA).toString()));
        engine.getTaskService().complete(openTask(intake.getId()).getId(), Map.of("filingDecision", "file"));
        return (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(intake.getId()).variableName("caseNumber").singleResult().getValue();
    }

    private static List<String> optionsOf(JsonNode form, String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component.path("values").findValuesAsText("value");
            }
        }
        throw new AssertionError("the form has no field " + key + ": " + form);
    }

    @Test
    @DisplayName("domain.md §1 (联勤联动 within the city's network): a joint operation's police body is of the organiser's city — "
            + "庆阳's 西峰 naming 平凉's traffic police, or 平凉's 崆峒 naming 庆阳's, is refused 400 naming policeOfficers and "
            + "nothing is stored; 崆峒 with 平凉's own traffic police is planned")
    void jointOperationsPoliceAreOfTheOrganisersCity() throws Exception {
        org.springframework.jdbc.core.JdbcTemplate jdbc =
                application.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        jdbc.update("insert into organisation (code, name, kind, area_code) values"
                + " ('ktpolice', '平凉市公安局崆峒分局交通警察大队', 'PUBLIC_SECURITY', '620802')");
        jdbc.update("insert into officer (user_id, display_name, organisation_code, role) values"
                + " ('ktpolice1', '邱平', 'ktpolice', 'TRAFFIC_POLICE')");
        Integer before = jdbc.queryForObject("select count(*) from linkage_joint_operation", Integer.class);
        String path = "/engine-rest/engine/secondcity/process-definition/key/jointOperation/submit-form";

        HttpResponse<String> qingyang = call("xfhandler1", "POST", path, jointOperation("xfhandler1", "ktpolice1"));
        assertThat(qingyang.statusCode()).as(qingyang.body()).isEqualTo(400);
        assertThat(JSON.readTree(qingyang.body()).path("errors").findValuesAsText("field"))
                .containsExactly("policeOfficers");
        HttpResponse<String> pingliang = call("kthandler1", "POST", path, jointOperation("kthandler1", "police1"));
        assertThat(pingliang.statusCode()).as(pingliang.body()).isEqualTo(400);
        assertThat(JSON.readTree(pingliang.body()).path("errors").findValuesAsText("field"))
                .containsExactly("policeOfficers");
        assertThat(jdbc.queryForObject("select count(*) from linkage_joint_operation", Integer.class))
                .isEqualTo(before);

        HttpResponse<String> ownCity = call("kthandler1", "POST", path, jointOperation("kthandler1", "ktpolice1"));
        assertThat(ownCity.statusCode()).as(ownCity.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select police_code from linkage_joint_operation order by id desc limit 1",
                String.class)).isEqualTo("ktpolice");
    }

    private static String jointOperation(String organiser, String police) throws Exception {
        Map<String, Object> values = Map.of("operationTitle", "联合执法行动", "plannedDate",
                LocalDate.now(ChinaTime.CHINA).plusDays(3).toString(), "place", "客运站周边",
                "transportOfficers", organiser, "policeOfficers", police);
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return JSON.writeValueAsString(Map.of("variables", variables));
    }

    /** A call to the running application as a demo user (its engine is named secondcity: the paths name it). */
    private static HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        String port = application.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Task openTask(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    private static java.util.List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }
}
