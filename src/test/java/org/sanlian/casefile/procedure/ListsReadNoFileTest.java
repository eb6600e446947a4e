package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.casefile.evidence.Evidence;
import org.sanlian.casefile.evidence.EvidenceService;
import org.sanlian.document.CaseDocument;
import org.sanlian.platform.StoredFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * 行政处罚法 Arts. 46, 47: a case's evidence (photos, video) and documents are kept in its file with their SHA-256.
 * Lists and counts of them — the evidence list, the documents list, the evidence count the approver's form shows
 * (法制审核, 处罚决定审批) — read them by column, never the files themselves: a row carries its file, so loading the
 * items read every photo of the case each time an approver opened a form.
 */
@DisplayName("行政处罚法 Arts. 46, 47 — the evidence and document lists and the approver's evidence count read no file")
class ListsReadNoFileTest extends CaseProcedureTestSupport {

    @Autowired
    EvidenceService evidence;


    @Test
    @DisplayName("a case at 法制审核 with two 1 MiB photos: the lists name both with their hashes, the reviewer's form counts 2 — no evidence item or document loaded")
    void listsAndCountsLoadNoFile() throws Exception {
        ProcessInstance instance = reported("某客运公司证据清单", 20000);
        String caseNumber = caseNumberOf(instance);
        List<String> hashes = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            byte[] photo = new byte[1024 * 1024];
            Arrays.fill(photo, (byte) i);
            evidence.add(caseNumber, "AUDIOVISUAL", "现场照片" + i, "现场照片" + i + ".jpg", "image/jpeg", photo,
                    "xfhandler1");
            hashes.add(StoredFile.sha256(photo));
        }
        String review = task("legalReview", instance).getId();

        Statistics statistics = countingLoads();
        ResponseEntity<String> evidenceList = get("xfhandler1", "/api/cases/" + caseNumber + "/evidence");
        ResponseEntity<String> documentList = get("xfhandler1", "/api/cases/" + caseNumber + "/documents");
        ResponseEntity<String> reviewForm = get("cityreviewer", "/engine-rest/task/" + review + "/form-variables");
        long evidenceLoaded = statistics.getEntityStatistics(Evidence.class.getName()).getLoadCount();
        long documentsLoaded = statistics.getEntityStatistics(CaseDocument.class.getName()).getLoadCount();

        assertThat(evidenceList.getStatusCode().value()).as(evidenceList.getBody()).isEqualTo(200);
        JsonNode items = JSON.readTree(evidenceList.getBody());
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("title").asText()).isEqualTo("现场照片1");
        assertThat(items.get(0).path("typeName").asText()).isEqualTo("视听资料");
        assertThat(items.get(0).path("size").asLong()).isEqualTo(1024 * 1024);
        assertThat(List.of(items.get(0).path("sha256").asText(), items.get(1).path("sha256").asText()))
                .isEqualTo(hashes);

        assertThat(documentList.getStatusCode().value()).as(documentList.getBody()).isEqualTo(200);
        List<String> kinds = new ArrayList<>();
        JSON.readTree(documentList.getBody()).forEach(d -> {
            kinds.add(d.path("kind").asText());
            assertThat(d.path("sha256").asText()).hasSize(64);
            assertThat(d.path("contentUrl").asText()).isEqualTo("/api/documents/" + d.path("id").asLong() + "/content");
        });
        assertThat(kinds).contains("FILING_FORM", "INVESTIGATION_REPORT");

        assertThat(reviewForm.getStatusCode().value()).as(reviewForm.getBody()).isEqualTo(200);
        assertThat(JSON.readTree(reviewForm.getBody()).path("approvalEvidenceCount").path("value").asInt())
                .isEqualTo(2);

        assertThat(evidenceLoaded).as("evidence items loaded (each with its file)").isZero();
        assertThat(documentsLoaded).as("documents loaded (each with its PDF)").isZero();
    }
}
