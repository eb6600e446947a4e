package org.sanlian.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.platform.StoredFile;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

@DisplayName("行政处罚法 Art. 46: evidence items typed by kind, each file stored with its SHA-256")
class EvidenceTest extends SanlianSpringTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    private String filedCaseNumber() {
        return filedCaseNumber("xifeng");
    }

    private String filedCaseNumber(String organisationCode) {
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", "证据测试当事人", "summary", "现场检查", "organisationCode", organisationCode));
        taskService.complete(taskService.createTaskQuery().processInstanceId(lead.getId()).singleResult().getId(),
                Map.of("verificationFindings", "属实", "occurredOn", actToday()));
        taskService.complete(taskService.createTaskQuery().processInstanceId(lead.getId()).singleResult().getId(),
                Map.of("filingDecision", "file"));
        return (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(lead.getId()).variableName("caseNumber").singleResult().getValue();
    }

    private ResponseEntity<String> upload(String user, String caseNumber, String type, byte[] content) {
        return upload(user, caseNumber, type, content, "现场照片.jpg");
    }

    private ResponseEntity<String> upload(String user, String caseNumber, String type, byte[] content,
            String fileName) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("type", type);
        form.add("title", "现场照片");
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, DEMO_PASSWORD);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.exchange("/api/cases/" + caseNumber + "/evidence", HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class);
    }

    @Test
    @DisplayName("a handler uploads a photo as 视听资料; the list shows its SHA-256, and the download is the same bytes with that hash")
    void uploadListDownload() {
        String caseNumber = filedCaseNumber();
        byte[] photo = "照片内容 JPEG bytes".getBytes(StandardCharsets.UTF_8);
        ResponseEntity<String> added = upload("xfhandler1", caseNumber, "AUDIOVISUAL", photo);
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(added).path("sha256").asText()).isEqualTo(StoredFile.sha256(photo)).hasSize(64);
        assertThat(json(added).path("typeName").asText()).isEqualTo("视听资料");

        ResponseEntity<String> list = get("xfhandler2", "/api/cases/" + caseNumber + "/evidence");
        assertThat(json(list)).hasSize(1);
        long id = json(list).get(0).path("id").asLong();
        ResponseEntity<byte[]> download = rest.withBasicAuth("xfhandler1", DEMO_PASSWORD)
                .getForEntity("/api/evidence/" + id + "/content", byte[].class);
        assertThat(download.getBody()).isEqualTo(photo);
        assertThat(StoredFile.sha256(download.getBody())).isEqualTo(download.getHeaders().getFirst("X-Content-SHA256"));
    }

    @Test
    @DisplayName("a video of 19 MiB, under the 20 MB an upload may be, is stored and downloaded unchanged (MariaDB's default max_allowed_packet is 16 MiB)")
    void largestUploadIsKept() {
        String caseNumber = filedCaseNumber();
        byte[] video = new byte[19 * 1024 * 1024];
        new java.util.Random(46).nextBytes(video);
        ResponseEntity<String> added = upload("xfhandler1", caseNumber, "AUDIOVISUAL", video, "现场视频.mp4");
        assertThat(added.getStatusCode()).as("on MariaDB this needs max_allowed_packet of 20 MiB or more (.ci/run and"
                + " docker/mariadb.cnf set 256M): " + added.getBody()).isEqualTo(HttpStatus.OK);
        long id = json(added).path("id").asLong();
        ResponseEntity<byte[]> download = rest.withBasicAuth("xfhandler1", DEMO_PASSWORD)
                .getForEntity("/api/evidence/" + id + "/content", byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(StoredFile.sha256(download.getBody())).isEqualTo(StoredFile.sha256(video));
    }

    @Test
    @DisplayName("行政处罚法 Arts. 42, 46 and domain.md §9: evidence is added by an officer who works cases — the process analyst, a member of the city team, reads its case but his upload is refused 403 Problem Details and nothing is stored; the city team's handler adds it")
    void analystOfTheBodyAddsNoEvidence() {
        String caseNumber = filedCaseNumber("qycity");
        assertThat(get("analyst", "/api/cases/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> refused = upload("analyst", caseNumber, "DOCUMENTARY", new byte[] {1, 2});
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(refused).path("status").asInt()).isEqualTo(403);
        assertThat(json(get("cityhandler1", "/api/cases/" + caseNumber + "/evidence"))).isEmpty();
        ResponseEntity<String> added = upload("cityhandler1", caseNumber, "DOCUMENTARY", new byte[] {1, 2});
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(get("cityhandler1", "/api/cases/" + caseNumber + "/evidence"))).hasSize(1);

        // nor does he move the case (移送管辖, Art. 25) or ask another body to assist (协查, Art. 26)
        ResponseEntity<String> transfer = post("analyst", "/api/transfers", Map.of("kind", "TRANSFER",
                "subjectNumber", caseNumber, "toOrganisation", "xifeng", "reason", "违法行为发生地在西峰区"));
        assertThat(transfer.getStatusCode()).as(transfer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> assistance = post("analyst", "/api/assistance", Map.of("caseNumber", caseNumber,
                "assistingOrganisation", "xifeng", "matters", "请调取车辆营运记录"));
        assertThat(assistance.getStatusCode()).as(assistance.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(assistance).path("status").asInt()).isEqualTo(403);
        assertThat(json(get("cityhandler1", "/api/transfers")).findValuesAsText("subjectNumber"))
                .doesNotContain(caseNumber);
        assertThat(json(get("cityhandler1", "/api/assistance")).findValuesAsText("caseNumber")).doesNotContain(caseNumber);
    }

    @Test
    @DisplayName("a kind outside Art. 46 or a missing file is refused naming the field; another county's handler cannot see the case's evidence")
    void refusedAndIsolated() {
        String caseNumber = filedCaseNumber();
        ResponseEntity<String> badType = upload("xfhandler1", caseNumber, "RUMOUR", new byte[] {1});
        assertThat(badType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(badType).path("errors").get(0).path("field").asText()).isEqualTo("type");
        ResponseEntity<String> empty = upload("xfhandler1", caseNumber, "DOCUMENTARY", new byte[0]);
        assertThat(json(empty).path("errors").findValuesAsText("field")).contains("file");
        assertThat(upload("qchandler1", caseNumber, "DOCUMENTARY", new byte[] {1}).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("qchandler1", "/api/cases/" + caseNumber + "/evidence").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("an upload whose file name the server cannot read (a NUL character) is refused 400 naming the file, not a 500, and stores nothing")
    void unreadableFileNameIsTheSendersMistake() {
        String caseNumber = filedCaseNumber();
        ResponseEntity<String> refused = upload("xfhandler1", caseNumber, "AUDIOVISUAL", new byte[] {1, 2, 3},
                "现场\u0000照片.jpg");
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").findValuesAsText("field")).containsExactly("file");
        assertThat(json(get("xfhandler1", "/api/cases/" + caseNumber + "/evidence"))).isEmpty();
    }

    @Test
    @DisplayName("the evidence page is served, and the 调查取证 form links to it with the case number")
    void evidencePageIsReachableFromTheForm() throws Exception {
        assertThat(rest.getForEntity("/evidence.html", String.class).getBody()).contains("证据材料", "SHA-256");
        String form = new String(getClass().getResourceAsStream("/forms/investigate.form").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(form).contains("/evidence.html?case={{caseNumber}}");
    }
}
