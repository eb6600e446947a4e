package org.sanlian.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class ProcedureChoiceTest extends SanlianSpringTest {

    @ParameterizedTest(name = "行政处罚法 Art. 51 via POST /engine-rest/decision-definition/key/procedureChoice/evaluate: {0}, {1} yuan, warning {2}, facts certain {3} → {4}")
    @CsvSource({
            "citizen, 200, false, true, summary",
            "citizen, 201, false, true, general",
            "organisation, 3000, false, true, summary",
            "organisation, 3001, false, true, general",
            "citizen, 100, false, false, general",
            "organisation, 0, true, true, summary",
            "citizen, 0, true, false, general"})
    void procedureChoice(String partyType, int fine, boolean warningOnly, boolean factsCertain, String procedure) {
        ResponseEntity<String> result = post("analyst", "/engine-rest/decision-definition/key/procedureChoice/evaluate",
                variables(Map.of("partyType", partyType, "proposedFine", fine, "warningOnly", warningOnly,
                        "factsCertain", factsCertain)));
        assertThat(result.getStatusCode()).as(result.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(result).get(0).path("procedure").path("value").asText()).isEqualTo(procedure);
    }
}
