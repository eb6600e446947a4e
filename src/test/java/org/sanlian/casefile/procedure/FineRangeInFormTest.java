package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.penalty.Violation;
import org.sanlian.penalty.ViolationCatalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Issue 13, build 1: a rule the form can know is said before submit. 案件调查报告 carries the catalogue's statutory
 * fine range of every violation, which its form shows for the chosen violation.
 */
class FineRangeInFormTest extends CaseProcedureTestSupport {

    @Autowired
    ViolationCatalogue catalogue;

    @Test
    @DisplayName("行政处罚法 Art. 5, domain.md §4.2: 案件调查报告's form variables carry each violation's statutory fine range and basis, as the catalogue states it")
    void investigationReportOffersTheCataloguesFineRanges() throws Exception {
        ProcessInstance instance = filedCase("罚款幅度提示当事人");
        investigate(instance, "investigate");
        String taskId = task("investigationReport", instance).getId();

        ResponseEntity<String> formVariables = get("xfhandler1",
                "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");
        assertThat(formVariables.getStatusCode().is2xxSuccessful()).as(formVariables.getBody()).isTrue();
        JsonNode byCode = JSON.readTree(json(formVariables).path("fineRangeByCode").path("value").asText());
        String list = json(formVariables).path("fineRanges").path("value").asText();
        assertThat(catalogue.all()).isNotEmpty().allSatisfy(violation -> {
            assertThat(byCode.path(violation.getCode()).asText())
                    .isEqualTo(violation.getName() + "：" + violation.rangeWithBasis());
            assertThat(list).contains(violation.getCode() + " " + violation.getName());
        });
        Violation overLimit = catalogue.byCode("LZ-CX");
        assertThat(byCode.path("LZ-CX").asText()).contains(overLimit.getPenaltyClause());
    }
}
