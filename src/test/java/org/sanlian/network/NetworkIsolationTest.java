package org.sanlian.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("Isolation (issue 5, domain.md §9): every body sees and works only its own tasks, leads and cases; the city legal supervisor sees all")
class NetworkIsolationTest extends NetworkTestSupport {

    private static final List<String> OUTSIDERS = List.of("bureau1", "police1", "qchandler1", "qchead");

    private String caseNumber;
    private String leadNumber;
    private String caseInstance;

    @BeforeEach
    void xifengHasACase() {
        caseNumber = filedCase("xfhandler1", "xfhead", "隔离测试当事人");
        JsonNode view = json(get("xfhandler1", "/api/cases/" + caseNumber));
        leadNumber = view.path("leadNumber").asText();
        caseInstance = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("generalProcedure").processInstanceBusinessKey(caseNumber).singleResult().getId();
    }

    private static Set<String> ids(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText())
                .collect(Collectors.toSet());
    }

    @Test
    @DisplayName("/engine-rest/task: bureau1, police1 and 庆城's officers see none of 西峰大队's case tasks; xfhandler1 and citysupervisor see them")
    void tasksThroughEngineRest() {
        String path = "/engine-rest/task?processInstanceId=" + caseInstance;
        assertThat(json(get("xfhandler1", path))).hasSize(1);
        assertThat(json(get("citysupervisor", path))).hasSize(1);
        String taskId = json(get("xfhandler1", path)).get(0).path("id").asText();
        for (String outsider : OUTSIDERS) {
            assertThat(json(get(outsider, path))).as(outsider).isEmpty();
            assertThat(ids(json(get(outsider, "/engine-rest/task?maxResults=1000")), "processInstanceId"))
                    .as(outsider).doesNotContain(caseInstance);
            assertThat(get(outsider, "/engine-rest/task/" + taskId).getStatusCode()).as(outsider)
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            assertThat(post(outsider, "/engine-rest/task/" + taskId + "/claim", java.util.Map.of("userId", outsider))
                    .getStatusCode().is2xxSuccessful()).as(outsider).isFalse();
        }
    }

    @Test
    @DisplayName("qchandler1 sees none of xfhandler1's tasks (and the other way round) through /engine-rest/task")
    void countyHandlersDoNotSeeEachOthersTasks() {
        filedCase("qchandler1", "qchead", "庆城隔离测试当事人");
        Set<String> xifeng = ids(json(get("xfhandler1", "/engine-rest/task?maxResults=1000")), "id");
        Set<String> qingcheng = ids(json(get("qchandler1", "/engine-rest/task?maxResults=1000")), "id");
        assertThat(xifeng).isNotEmpty();
        assertThat(qingcheng).isNotEmpty();
        assertThat(qingcheng).doesNotContainAnyElementsOf(xifeng);
        Set<String> supervisor = ids(json(get("citysupervisor", "/engine-rest/task?maxResults=5000")), "id");
        assertThat(supervisor).containsAll(xifeng).containsAll(qingcheng);
    }

    @Test
    @DisplayName("/engine-rest/process-instance and its variables: only 西峰大队 and the supervisor read the case's instance")
    void processInstancesThroughEngineRest() {
        String byKey = "/engine-rest/process-instance?businessKey=" + caseNumber;
        assertThat(ids(json(get("xfhandler1", byKey)), "id")).containsExactly(caseInstance);
        assertThat(ids(json(get("citysupervisor", byKey)), "id")).containsExactly(caseInstance);
        for (String outsider : OUTSIDERS) {
            assertThat(json(get(outsider, byKey))).as(outsider).isEmpty();
            assertThat(ids(json(get(outsider, "/engine-rest/process-instance?maxResults=1000")), "id")).as(outsider)
                    .doesNotContain(caseInstance);
            assertThat(get(outsider, "/engine-rest/process-instance/" + caseInstance).getStatusCode()).as(outsider)
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            assertThat(json(get(outsider, "/engine-rest/variable-instance?processInstanceIdIn=" + caseInstance)))
                    .as(outsider).isEmpty();
        }
        assertThat(json(get("citysupervisor", "/engine-rest/variable-instance?processInstanceIdIn=" + caseInstance)))
                .isNotEmpty();
    }

    @Test
    @DisplayName("domain API /api/leads and /api/cases: outsiders neither list nor open 西峰大队's lead and case (404); the supervisor does")
    void domainApi() {
        for (String outsider : OUTSIDERS) {
            assertThat(ids(json(get(outsider, "/api/leads")), "leadNumber")).as(outsider).doesNotContain(leadNumber);
            assertThat(ids(json(get(outsider, "/api/cases")), "caseNumber")).as(outsider).doesNotContain(caseNumber);
            assertThat(get(outsider, "/api/leads/" + leadNumber).getStatusCode()).as(outsider)
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get(outsider, "/api/cases/" + caseNumber).getStatusCode()).as(outsider)
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get(outsider, "/api/cases/" + caseNumber + "/history").getStatusCode()).as(outsider)
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get(outsider, "/api/cases/" + caseNumber + "/evidence").getStatusCode()).as(outsider)
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(ids(json(get("xfhandler1", "/api/cases")), "caseNumber")).contains(caseNumber);
        assertThat(ids(json(get("citysupervisor", "/api/cases")), "caseNumber")).contains(caseNumber);
    }

    @Test
    @DisplayName("行政处罚法 Art. 25 and isolation (domain.md §9): a 移送管辖, 报请指定管辖 or 提级管辖 of 西峰's lead or case asked by a body with no part in it (not its holder, not a body that registered the act, not the head of its city team) is answered as for a number that does not exist — 400 naming subjectNumber, without the lead's or case's status")
    void transfersTellOutsidersNothingOfAnotherBodysLeadOrCase() {
        String unknownLead = "XS2099999999";
        ResponseEntity<String> unknown = requestTransfer("qchandler1", "TRANSFER", unknownLead, "qingcheng", "管辖");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String nothing = json(unknown).path("errors").get(0).path("message").asText().replace(unknownLead, "");
        for (String outsider : List.of("qchandler1", "qchead", "bureau1")) {
            for (String kind : List.of("TRANSFER", "CLAIM", "TAKE_UP")) {
                for (String subject : List.of(leadNumber, caseNumber)) {
                    ResponseEntity<String> answer = requestTransfer(outsider, kind, subject, "qingcheng", "管辖");
                    String what = outsider + " " + kind + " " + subject;
                    assertThat(answer.getStatusCode()).as(what).isEqualTo(HttpStatus.BAD_REQUEST);
                    JsonNode errors = json(answer).path("errors");
                    assertThat(errors.findValuesAsText("field")).as(what).containsExactly("subjectNumber");
                    assertThat(errors.get(0).path("message").asText().replace(subject, "")).as(what).isEqualTo(nothing);
                }
            }
        }
        ResponseEntity<String> holder = requestTransfer("xfhandler1", "TRANSFER", leadNumber, "qingcheng", "管辖");
        assertThat(holder.getBody()).as("the holder learns why").contains("已立案");
    }

    @Test
    @DisplayName("a document or evidence file opened by its id: outsiders get 404 as for an id that does not exist — the answer does not tell them the case's number")
    void itemsByIdTellNothingOfTheCase() {
        upload("xfhandler1", "/api/cases/" + caseNumber + "/evidence", "现场照片", "照片".getBytes());
        long documentId = json(get("xfhandler1", "/api/cases/" + caseNumber + "/documents")).get(0).path("id").asLong();
        long evidenceId = json(get("xfhandler1", "/api/cases/" + caseNumber + "/evidence")).get(0).path("id").asLong();
        assertThat(get("xfhandler1", "/api/documents/" + documentId + "/content").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        for (String outsider : OUTSIDERS) {
            for (String path : List.of("/api/documents/" + documentId + "/content",
                    "/api/evidence/" + evidenceId + "/content")) {
                ResponseEntity<String> answer = get(outsider, path);
                assertThat(answer.getStatusCode()).as(outsider + " " + path).isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(answer.getBody()).as(outsider + " " + path).doesNotContain(caseNumber);
            }
            ResponseEntity<String> serve = post(outsider, "/api/documents/" + documentId + "/services",
                    java.util.Map.of("serviceMethod", "direct"));
            assertThat(serve.getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(serve.getBody()).as(outsider).doesNotContain(caseNumber);
        }
        assertThat(ids(json(get("citysupervisor", "/api/leads")), "leadNumber")).contains(leadNumber);
        assertThat(get("citysupervisor", "/api/cases/" + caseNumber + "/history").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
