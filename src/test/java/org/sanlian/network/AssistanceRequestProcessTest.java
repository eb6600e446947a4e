package org.sanlian.network;

import org.sanlian.platform.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.platform.StoredFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("assistanceRequest — 协查 between 西峰大队 and 庆城县 (行政处罚法 Art. 26; deadline 15 working days, domain.md §2.3 L)")
class AssistanceRequestProcessTest extends NetworkTestSupport {

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    ManagementService managementService;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private ResponseEntity<String> ask(String user, String caseNumber, String assisting, String matters) {
        return post(user, "/api/assistance",
                Map.of("caseNumber", caseNumber, "assistingOrganisation", assisting, "matters", matters));
    }

    private JsonNode asked(String user, String caseNumber, String assisting, String matters) {
        ResponseEntity<String> response = ask(user, caseNumber, assisting, matters);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json(response);
    }

    @Test
    @DisplayName("西峰 asks 庆城: due in 15 working days; 庆城's handler uploads evidence that lands in 西峰's case, replies; 西峰 signs for the reply — all in the case's record")
    void xifengAsksQingcheng() {
        String caseNumber = filedCase("xfhandler1", "xfhead", "协查当事人");
        JsonNode request = asked("xfhandler1", caseNumber, "qingcheng", "核实甘M车辆在庆城县的营运情况并调取监控");
        String number = request.path("requestNumber").asText();
        String instance = request.path("processInstanceId").asText();
        LocalDate expected = calendar.addWorkingDays(LocalDate.now(ChinaTime.CHINA), 15).date();
        assertThat(request.path("dueOn").asText()).isEqualTo(expected.toString());

        JsonNode task = json(get("qchandler1", "/engine-rest/task?processInstanceId=" + instance)).get(0);
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("answerAssistance");
        assertThat(task.path("due").asText()).startsWith(expected.toString());
        assertThat(json(get("xfhandler1", "/engine-rest/task?processInstanceId=" + instance))).isEmpty();
        assertThat(get("qchandler1", "/api/cases/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        byte[] video = "监控录像截图".getBytes(StandardCharsets.UTF_8);
        ResponseEntity<String> added = upload("qchandler1", "/api/assistance/" + number + "/evidence", "监控截图", video);
        assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(201);
        assertThat(upload("xfhandler2", "/api/assistance/" + number + "/evidence", "冒名", video).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode evidence = json(get("xfhandler1", "/api/cases/" + caseNumber + "/evidence"));
        assertThat(evidence).hasSize(1);
        assertThat(evidence.get(0).path("title").asText()).contains(number, "庆城县", "监控截图");
        assertThat(evidence.get(0).path("sha256").asText()).isEqualTo(StoredFile.sha256(video));
        assertThat(evidence.get(0).path("addedBy").asText()).isEqualTo("qchandler1");
        // the assisting body lists what it submitted under the request (the page 协查办理 links to), nothing else of the
        // case; a body outside the request reads nothing
        JsonNode submitted = json(get("qchandler1", "/api/assistance/" + number + "/evidence"));
        assertThat(submitted).hasSize(1);
        assertThat(submitted.get(0).path("sha256").asText()).isEqualTo(StoredFile.sha256(video));
        assertThat(submitted.get(0).path("typeName").asText()).isEqualTo("书证");
        assertThat(submitted.get(0).path("addedByName").asText()).isNotBlank().isNotEqualTo("qchandler1");
        assertThat(get("hxhandler1", "/api/assistance/" + number + "/evidence").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        submit("qchandler1", instance, Map.of("assistanceOutcome", "reply",
                "assistanceReply", "经调取监控，该车 10 月 12 日在庆城县汽车站揽客"));
        assertThat(json(get("xfhandler1", "/api/assistance/" + number)).path("status").asText()).isEqualTo("REPLIED");
        assertThat(upload("qchandler1", "/api/assistance/" + number + "/evidence", "迟交", video).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        submit("xfhandler1", instance, Map.of("receiptNote", "已阅，纳入调查"));
        assertThat(json(get("qchandler1", "/api/assistance/" + number)).path("status").asText()).isEqualTo("RECEIVED");
        assertThat(history("xfhandler1", caseNumber).findValuesAsText("step"))
                .containsSubsequence("assistanceRequested", "assistanceReplied", "assistanceReceived");
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("assistanceCompleted").count()).isEqualTo(1);
    }

    @Test
    @DisplayName("庆城 asks 西峰, 西峰 refuses — a reason is required (Art. 26: only within its powers); the refusal and its reason are in 庆城's case")
    void qingchengAsksXifengWhoRefuses() {
        String caseNumber = filedCase("qchandler1", "qchead", "拒绝协查当事人");
        JsonNode request = asked("qchandler1", caseNumber, "xifeng", "查询当事人的建设工程质量档案");
        String instance = request.path("processInstanceId").asText();
        String taskId = taskIdOf("xfhandler1", instance);
        ResponseEntity<String> noReason = post("xfhandler1", "/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("assistanceOutcome", "refuse")));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(noReason).path("errors").findValuesAsText("field")).containsExactly("assistanceReply");
        submit("xfhandler1", instance, Map.of("assistanceOutcome", "refuse",
                "assistanceReply", "工程质量档案不属本大队职权，请向市执法队工程质监科查询"));
        assertThat(json(get("qchandler1", "/api/assistance/" + request.path("requestNumber").asText()))
                .path("status").asText()).isEqualTo("REFUSED");
        assertThat(history("qchandler1", caseNumber).findValuesAsText("note"))
                .anyMatch(n -> n.contains("拒绝协查") || n.contains("拒绝") && n.contains("不属本大队职权"));
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("assistanceRefused").count()).isEqualTo(1);
        assertThat(json(get("qchandler1", "/engine-rest/task?processInstanceId=" + instance))).isEmpty();
    }

    @Test
    @DisplayName("the assistance deadline passes unanswered: the requesting case records it and the assisting task stays open")
    void deadlinePassesUnanswered() {
        String caseNumber = filedCase("xfhandler1", "xfhead", "超期协查当事人");
        String instance = asked("xfhandler1", caseNumber, "qingcheng", "协助询问证人").path("processInstanceId").asText();
        Job timer = managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
        managementService.executeJob(timer.getId());
        assertThat(history("xfhandler1", caseNumber).findValuesAsText("step")).contains("assistanceOverdue");
        assertThat(json(get("qchandler1", "/engine-rest/task?processInstanceId=" + instance))
                .findValuesAsText("taskDefinitionKey")).containsExactly("answerAssistance");
    }

    @Test
    @DisplayName("a request for a case the caller does not hold, to its own body or without matters is refused naming the field")
    void badRequestsAreRefused() {
        String caseNumber = filedCase("xfhandler1", "xfhead", "无效协查当事人");
        assertThat(json(ask("qchandler1", caseNumber, "huachi", "x")).path("errors").findValuesAsText("field"))
                .containsExactly("caseNumber");
        assertThat(json(ask("xfhandler1", caseNumber, "xifeng", "x")).path("errors").findValuesAsText("field"))
                .containsExactly("assistingOrganisation");
        assertThat(json(ask("xfhandler1", caseNumber, "qingcheng", " ")).path("errors").findValuesAsText("field"))
                .containsExactly("matters");
        // a case already decided: the refusal says so once and why (found in Chromium: 案件已已作出决定, no reason)
        jdbc.update("update case_file set status = 'DECIDED' where case_number = ?", caseNumber);
        ResponseEntity<String> decided = ask("xfhandler1", caseNumber, "qingcheng", "核实车辆登记");
        assertThat(json(decided).path("errors").findValuesAsText("field")).containsExactly("caseNumber");
        assertThat(json(decided).path("errors").findValuesAsText("message")).singleElement().asString()
                .contains("案件已作出决定，不能再发出协查", "第二十六条").doesNotContain("已已");
    }
}
