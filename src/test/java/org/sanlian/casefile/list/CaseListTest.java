package org.sanlian.casefile.list;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 13, 本单位案件 / 我的案件: a handler finds every case of the body by party, plate, case number or lead
 * number, with its open step and next deadline; another body's user finds none of it (domain.md §9: each body
 * handles its own cases).
 */
class CaseListTest extends SanlianSpringTest {

    @Autowired
    TaskService taskService;

    /** A plate and a party name no earlier run left in a kept database (MariaDB keeps its cases between runs). */
    private static final String RUN = String.format("%05d", (System.nanoTime() / 1000) % 100000);

    private static String plate(int vehicle) {
        return "甘" + (char) ('A' + vehicle) + RUN;
    }

    /** A lead with a plate registered by 西峰's handler and filed by its head: the case waits in 调查取证. */
    private Filed filed(String party, String plate) {
        JsonNode lead = registerLead("xfhandler1", party, plate);
        String leadInstance = lead.path("id").asText();
        taskService.complete(taskService.createTaskQuery().processInstanceId(leadInstance).singleResult().getId(),
                Map.of("verificationFindings", "属实", "occurredOn", actToday()));
        taskService.complete(taskService.createTaskQuery().processInstanceId(leadInstance).singleResult().getId(),
                Map.of("filingDecision", "file"));
        String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(leadInstance).variableName("caseNumber").singleResult().getValue();
        return new Filed(lead.path("businessKey").asText(), caseNumber);
    }

    private record Filed(String leadNumber, String caseNumber) {
    }

    private JsonNode list(String user, String query) {
        return list(user, query, false);
    }

    /** GET /api/case-list?q=…&mine=…, the query encoded once, as the page sends it. */
    private JsonNode list(String user, String query, boolean mine) {
        java.net.URI uri = java.net.URI.create(rest.getRootUri() + "/api/case-list?mine=" + mine + "&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        ResponseEntity<String> response = rest.withBasicAuth(user, DEMO_PASSWORD).getForEntity(uri, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response);
    }

    private static List<String> caseNumbers(JsonNode rows) {
        List<String> numbers = new ArrayList<>();
        rows.forEach(row -> numbers.add(row.path("caseNumber").asText()));
        return numbers;
    }

    @Test
    @DisplayName("本单位案件: the body's handler finds the case by plate, party, case number and lead number, with its open step, next deadline and links' key")
    void handlerFindsTheCaseEveryWay() {
        String plate = plate(0);
        Filed filed = filed("案件清单查找当事人" + RUN, plate);
        assertThat(filed.leadNumber()).isNotBlank();

        JsonNode byPlate = list("xfhandler1", plate.toLowerCase(java.util.Locale.ROOT));
        assertThat(caseNumbers(byPlate)).containsExactly(filed.caseNumber());
        JsonNode row = byPlate.get(0);
        assertThat(row.path("partyName").asText()).isEqualTo("案件清单查找当事人" + RUN);
        assertThat(row.path("plates").get(0).asText()).isEqualTo(plate);
        assertThat(row.path("leadNumber").asText()).isEqualTo(filed.leadNumber());
        assertThat(row.path("openSteps").get(0).asText()).isEqualTo("调查取证");
        assertThat(row.path("nextDue").isTextual()).as(row.toString()).isTrue();
        assertThat(row.path("nextDueStep").asText()).isEqualTo("调查取证");

        assertThat(caseNumbers(list("xfhead", "案件清单查找当事人" + RUN))).containsExactly(filed.caseNumber());
        assertThat(caseNumbers(list("xfhandler2", filed.caseNumber()))).containsExactly(filed.caseNumber());
        assertThat(caseNumbers(list("xfhandler1", filed.leadNumber()))).containsExactly(filed.caseNumber());
        assertThat(caseNumbers(list("xfhandler1", "no-such-party"))).isEmpty();
    }

    @Test
    @DisplayName("Issue 16: the search reads from the start of a party, plate or number (an index, with a year's cases) and lists at most `limit` cases, newest first")
    void searchMatchesFromTheStartAndListsAtMostTheLimit() {
        Filed older = filed("案件清单开头当事人甲" + RUN, plate(3));
        Filed newer = filed("案件清单开头当事人乙" + RUN, plate(4));

        assertThat(caseNumbers(list("xfhandler1", "案件清单开头当事人")))
                .containsSubsequence(newer.caseNumber(), older.caseNumber());
        assertThat(caseNumbers(list("xfhandler1", plate(3).substring(0, 5)))).contains(older.caseNumber());
        assertThat(caseNumbers(list("xfhandler1", "开头当事人甲" + RUN))).isEmpty();
        JsonNode newest = json(rest.withBasicAuth("xfhandler1", DEMO_PASSWORD).getForEntity(java.net.URI.create(
                rest.getRootUri() + "/api/case-list?limit=1&q=" + URLEncoder.encode("案件清单开头当事人",
                        StandardCharsets.UTF_8)), String.class));
        assertThat(caseNumbers(newest)).containsExactly(newer.caseNumber());
    }

    @Test
    @DisplayName("domain.md §9: another body's user finds none of 西峰's cases, neither by plate nor in the whole list")
    void anotherBodySeesNone() {
        String plate = plate(1);
        Filed filed = filed("案件清单隔离当事人" + RUN, plate);
        assertThat(caseNumbers(list("xfhandler1", plate))).containsExactly(filed.caseNumber());

        assertThat(list("qchandler1", plate)).isEmpty();
        assertThat(list("qchandler1", filed.caseNumber())).isEmpty();
        JsonNode all = list("qchandler1", "");
        all.forEach(other -> assertThat(other.path("organisationCode").asText()).isEqualTo("qingcheng"));
        assertThat(caseNumbers(all)).doesNotContain(filed.caseNumber());
    }

    /** 调查取证 submitted by xfhandler1 (李明), naming xfhandler2 (王芳) as the second investigator. */
    private void investigatedByLiMingAndWangFang(Filed filed) {
        String investigate = taskService.createTaskQuery().processInstanceBusinessKey(filed.caseNumber())
                .taskDefinitionKey("investigate").singleResult().getId();
        ResponseEntity<String> submitted = post("xfhandler1", "/engine-rest/task/" + investigate + "/submit-form",
                variables(Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler2",
                        "investigationFindings", "询问当事人")));
        assertThat(submitted.getStatusCode().is2xxSuccessful()).as(submitted.getBody()).isTrue();
    }

    @Test
    @DisplayName("我的案件: the case is the investigators' own once 调查取证 names them, not a colleague's who has no part in it")
    void myCasesAreTheOnesIWork() {
        Filed filed = filed("我的案件当事人" + RUN, plate(2));
        investigatedByLiMingAndWangFang(filed);

        JsonNode mine = list("xfhandler2", filed.caseNumber(), true);
        assertThat(caseNumbers(mine)).containsExactly(filed.caseNumber());
        assertThat(mine.get(0).path("officers").toString()).contains("李明", "王芳");
        assertThat(list("xfhead", filed.caseNumber(), true)).isEmpty();
        assertThat(caseNumbers(list("xfhead", filed.caseNumber(), false))).containsExactly(filed.caseNumber());
    }

    @Test
    @DisplayName("我的案件 with a limit: an older case of mine is listed though newer cases of the body (not mine) match the search too")
    void myOlderCaseIsNotCutOffByTheBodysNewerOnes() {
        Filed older = filed("我的旧案当事人" + RUN + "甲", plate(5));
        investigatedByLiMingAndWangFang(older);
        Filed newer = filed("我的旧案当事人" + RUN + "乙", plate(6));

        java.net.URI uri = java.net.URI.create(rest.getRootUri() + "/api/case-list?mine=true&limit=1&q="
                + URLEncoder.encode("我的旧案当事人" + RUN, StandardCharsets.UTF_8));
        ResponseEntity<String> response = rest.withBasicAuth("xfhandler2", DEMO_PASSWORD).getForEntity(uri, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(caseNumbers(json(response))).containsExactly(older.caseNumber());
        assertThat(caseNumbers(list("xfhandler2", "我的旧案当事人" + RUN, false)))
                .containsExactly(newer.caseNumber(), older.caseNumber());
    }

    @Test
    @DisplayName("the case list page is served and Tasklist links to it from its header")
    void thePageIsReachableFromTasklist() {
        assertThat(rest.getForEntity("/cases.html", String.class).getBody()).contains("本单位案件", "/api/case-list");
        String script = rest.getForEntity("/camunda/app/tasklist/scripts/case-links.js", String.class).getBody();
        assertThat(script).contains("tasklist.navbar.action", "/cases.html");
        assertThat(rest.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class).getBody())
                .contains("scripts/case-links.js");
    }
}
