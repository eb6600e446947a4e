package org.sanlian.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("domain.md §4.2: the violation catalogue with statutory ranges, read by everyone, corrected by the administrator")
class ViolationCatalogueTest extends SanlianSpringTest {

    @Test
    @DisplayName("the real provisions of §4.2 are listed with their penalty clauses; the remembered taxi-refusal range is marked illustrative")
    void catalogue() {
        ResponseEntity<String> list = get("xfhandler1", "/api/violations");
        assertThat(json(list).size()).isGreaterThanOrEqualTo(15);
        assertThat(json(get("xfhandler1", "/api/violations/YZ-KY-WZ")).path("rangeWithBasis").asText())
                .isEqualTo("10000–100000 元（《中华人民共和国道路运输条例》第六十三条第（二）项）");
        assertThat(json(get("xfhandler1", "/api/violations/CZ-XY-JZ")).path("illustrative").asBoolean()).isTrue();
        assertThat(json(get("xfhandler1", "/api/violations/LZ-CX")).path("illustrative").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("only the administrator corrects a provision; a minimum above the maximum is refused naming minFine")
    void administratorCorrects() {
        Map<String, Object> update = Map.of("name", "不具备驾驶员资格驾驶道路运输经营车辆", "penaltyClause", "道路运输条例第六十四条",
                "minFine", 200, "maxFine", 2000, "penaltyKinds", "罚款", "illustrative", false);
        assertThat(call("xfhandler1", HttpMethod.PUT, "/api/violations/YZ-JSY", update).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("admin", HttpMethod.PUT, "/api/violations/YZ-JSY", update).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> inverted = call("admin", HttpMethod.PUT, "/api/violations/YZ-JSY",
                Map.of("name", "x", "penaltyClause", "y", "minFine", 3000, "maxFine", 2000, "illustrative", false));
        assertThat(json(inverted).path("errors").get(0).path("field").asText()).isEqualTo("minFine");
    }

    @Test
    @DisplayName("行政处罚法 Art. 5 (penalties as the law sets them): an amount that is negative, has more than two decimals, exceeds the column, or a minimum without a maximum is refused with 400 naming the field; nothing is saved")
    void amountsAreChecked() {
        String before = get("admin", "/api/violations/YZ-JSY").getBody();
        for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(
                Map.of("minFine", -1, "maxFine", 2000),
                Map.of("minFine", new java.math.BigDecimal("200.001"), "maxFine", 2000),
                Map.of("minFine", 200, "maxFine", new java.math.BigDecimal("1e15")),
                Map.of("minFine", 200))) {
            Map<String, Object> update = new java.util.HashMap<>(bad);
            update.putAll(Map.of("name", "不具备驾驶员资格驾驶道路运输经营车辆", "penaltyClause", "道路运输条例第六十四条",
                    "illustrative", false));
            ResponseEntity<String> refused = call("admin", HttpMethod.PUT, "/api/violations/YZ-JSY", update);
            assertThat(refused.getStatusCode()).as(bad.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json(refused).path("errors").findValuesAsText("field")).as(bad.toString())
                    .containsAnyOf("minFine", "maxFine");
        }
        ResponseEntity<String> longName = call("admin", HttpMethod.PUT, "/api/violations/YZ-JSY", Map.of(
                "name", "长".repeat(256), "penaltyClause", "道路运输条例第六十四条", "illustrative", false));
        assertThat(json(longName).path("errors").findValuesAsText("field")).containsExactly("name");
        assertThat(get("admin", "/api/violations/YZ-JSY").getBody()).isEqualTo(before);
    }

    @Test
    @DisplayName("a row stored with only a minimum (before the check existed) does not break the catalogue: it reads \"不低于\"")
    void oneBoundRowStillReads() {
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
                processEngine.getProcessEngineConfiguration().getDataSource());
        jdbc.update("INSERT INTO violation (code, name, sector, violated_clause, penalty_clause, min_fine, max_fine, "
                + "penalty_kinds, range_note, confidence, illustrative) VALUES ('TEST-MIN-ONLY', '测试', '运政', '某条', "
                + "'某条', 500, NULL, '罚款', NULL, 'L', TRUE)");
        try {
            assertThat(get("xfhandler1", "/api/violations").getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(json(get("xfhandler1", "/api/violations/TEST-MIN-ONLY")).path("rangeWithBasis").asText())
                    .isEqualTo("不低于 500 元（某条）");
        } finally {
            jdbc.update("DELETE FROM violation WHERE code = 'TEST-MIN-ONLY'");
        }
    }
}
