package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.document.CaseArchives;
import org.sanlian.document.CaseDocument;
import org.sanlian.document.DocumentKind;
import org.sanlian.document.Documents;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 行政处罚法 Art. 47 (一案一卷): the closure steps check that the file holds every document the case's ending needs,
 * and the service steps find the document they serve. Both ask which documents there are, not what they say: a
 * document row carries its PDF, so they read no document (issue 16: the closure steps read every PDF of the case,
 * twice, to learn their kinds).
 */
@DisplayName("行政处罚法 Art. 47 — the file's check and the document to serve read no PDF")
class FileCheckReadsNoPdfTest extends CaseProcedureTestSupport {

    @Autowired
    CaseArchives archives;

    @Autowired
    Documents documents;


    @Test
    @DisplayName("a case at 违法行为通知书: the file lacks the notice and the decision, holds the 立案登记表 — no document loaded to tell")
    void fileCheckLoadsNoDocument() {
        ProcessInstance instance = proposed("某客运公司卷宗检查", 20000);
        String caseNumber = caseNumberOf(instance);
        Map<String, Object> variables = runtimeService.getVariables(instance.getId());
        long reportId = documents.latest(caseNumber, DocumentKind.INVESTIGATION_REPORT).orElseThrow().getId();

        Statistics statistics = countingLoads();
        List<String> missing = archives.missing(caseNumber, variables, true);
        Long newestReport = documents.latestId(caseNumber, DocumentKind.INVESTIGATION_REPORT).orElseThrow();
        long loaded = statistics.getEntityStatistics(CaseDocument.class.getName()).getLoadCount();

        assertThat(loaded).as("documents loaded (each with its PDF)").isZero();
        assertThat(newestReport).isEqualTo(reportId);
        assertThat(missing).contains(DocumentKind.PRE_PENALTY_NOTICE.title(), DocumentKind.PENALTY_DECISION.title())
                .doesNotContain(DocumentKind.FILING_FORM.title(), DocumentKind.INVESTIGATION_REPORT.title());
    }
}
