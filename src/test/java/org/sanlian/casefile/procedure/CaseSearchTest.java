package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

@DisplayName("case search by party and by plate (issue 16) — 行政处罚法 Art. 47 case file, visible to its own body only")
class CaseSearchTest extends CaseProcedureTestSupport {

    @Test
    @DisplayName("a case is found by the start of its party's name and by the plate the investigation recorded; another body's handler does not find it")
    void searchByPartyAndPlate() {
        ProcessInstance wanted = filedCase("检索测试运输有限公司");
        complete(wanted, "investigate", Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler2",
                "investigationFindings", "询问当事人，制作询问笔录", "plateNumber", "甘M7T001"));
        filedCase("另一检索测试公司");

        assertThat(numbers(search("xfhandler1", "party=检索测试运输"))).containsExactly(caseNumberOf(wanted));
        assertThat(numbers(search("xfhandler1", "plate=甘M7T001"))).containsExactly(caseNumberOf(wanted));
        assertThat(numbers(search("xfhandler1", "party=检索测试&plate=甘M7T001")))
                .containsExactly(caseNumberOf(wanted));
        // a wildcard typed by the user is a character, not a pattern
        assertThat(numbers(search("xfhandler1", "party=%"))).isEmpty();
        // 庆城's handler sees no 西峰 case
        assertThat(numbers(search("qchandler1", "plate=甘M7T001"))).isEmpty();
        assertThat(get("xfhandler1", "/api/cases?party=x&limit=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** The query as typed (the test client encodes it). */
    private JsonNode search(String user, String query) {
        return json(get(user, "/api/cases?" + query));
    }

    private static List<String> numbers(JsonNode cases) {
        List<String> numbers = new ArrayList<>();
        cases.forEach(c -> numbers.add(c.path("caseNumber").asText()));
        return numbers;
    }
}
