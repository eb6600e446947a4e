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
                .isEqualTo("10000–100000 元（道路运输条例第六十三条第（二）项）");
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
}
