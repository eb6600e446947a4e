package org.sanlian.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("非法营运关注名单 (domain.md §1 信息资源共享): what a listing refers to is a case, lead or hand-over the officer may read")
class WatchlistReferenceTest extends LinkageTestSupport {

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private ProcessInstance lead(String organisationCode, String party) {
        return runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", party, "summary", "路面检查发现无道路运输证从事客运", "organisationCode", organisationCode));
    }

    private ResponseEntity<String> list(String user, String plate, String reference) {
        return post(user, "/api/watchlist", Map.of("plateNumber", plate, "partyName", "王某某", "reason", "多次非法营运",
                "reference", reference));
    }

    private int listed(String plate) {
        return jdbc.queryForObject("select count(*) from linkage_watch where plate_number = ?", Integer.class,
                plate);
    }

    @Test
    @DisplayName("free text, a number of no case, another body's lead, and another body's case number are refused 400 naming reference and nothing is listed; the officer's own lead, case and none at all are accepted")
    void referenceIsACaseOrLeadTheOfficerReads() {
        String qingchengLead = lead("qingcheng", "庆城县某客运公司").getBusinessKey();
        ProcessInstance ownLead = lead("xifeng", "西峰区某客运公司");
        taskService.complete(taskService.createTaskQuery().processInstanceId(ownLead.getId()).singleResult().getId(),
                Map.of("verificationFindings", "属实", "occurredOn", TODAY.toString()));
        taskService.complete(taskService.createTaskQuery().processInstanceId(ownLead.getId()).singleResult().getId(),
                Map.of("filingDecision", "file"));
        String ownCase = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(ownLead.getId()).variableName("caseNumber").singleResult().getValue();

        for (String reference : new String[] {"见上次检查记录", "庆交执西立〔2026〕99999号", "XS2099000001", qingchengLead}) {
            ResponseEntity<String> refused = list("xfhandler1", "甘M5R001", reference);
            assertThat(refused.getStatusCode()).as(reference + " " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json(refused).path("errors").findValuesAsText("field")).as(reference)
                    .containsExactly("reference");
        }
        ResponseEntity<String> othersCase = list("qchandler1", "甘M5R001", ownCase);
        assertThat(othersCase.getStatusCode()).as(othersCase.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(othersCase).path("errors").findValuesAsText("field")).containsExactly("reference");
        assertThat(listed("甘M5R001")).isZero();

        assertThat(list("qchandler1", "甘M5R001", qingchengLead).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> byCase = list("xfhandler1", "甘M5R002", ownCase);
        assertThat(byCase.getStatusCode()).as(byCase.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(byCase).path("reference").asText()).isEqualTo(ownCase);
        assertThat(post("xfhandler1", "/api/watchlist", Map.of("plateNumber", "甘M5R003", "partyName", "王某某",
                "reason", "多次非法营运")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(listed("甘M5R001")).isEqualTo(1);
    }

    @Test
    @DisplayName("a joint operation's number (LH…) is a reference too: its organiser's handler and its police body's officer "
            + "list by it; another body's handler, and a number of no operation, get the same 400 naming reference")
    void jointOperationNumberIsAReference() {
        JsonNode started = startForm("xfhandler1", "jointOperation", Map.of("operationTitle", "关注名单编号测试",
                "plannedDate", TODAY.plusDays(3).toString(), "place", "西峰区客运站周边",
                "transportOfficers", "xfhandler1,xfhandler2", "policeOfficers", "police1"));
        String operation = instance(started.path("id").asText()).getBusinessKey();
        assertThat(operation).startsWith("LH");

        for (String[] refused : new String[][] {{"qchandler1", operation}, {"xfhandler1", "LH2099999999"}}) {
            ResponseEntity<String> answer = list(refused[0], "甘M5R011", refused[1]);
            assertThat(answer.getStatusCode()).as(refused[1] + " " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json(answer).path("errors").findValuesAsText("field")).containsExactly("reference");
            assertThat(json(answer).path("errors").findValuesAsText("message").get(0))
                    .startsWith("没有您可查看的").endsWith(refused[1]);
        }
        assertThat(listed("甘M5R011")).isZero();

        ResponseEntity<String> organiser = list("xfhandler1", "甘M5R011", operation);
        assertThat(organiser.getStatusCode()).as(organiser.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(organiser).path("reference").asText()).isEqualTo(operation);
        ResponseEntity<String> police = list("police1", "甘M5R012", operation);
        assertThat(police.getStatusCode()).as(police.getBody()).isEqualTo(HttpStatus.CREATED);
    }
}
