package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 行政处罚法 Art. 34 (the discretion benchmark), Art. 33 (no penalty) and Art. 63 (the right to a hearing): what the
 * rule tables decided for a case is kept with it in a form a legal reviewer can read in Cockpit and through the REST
 * API — JSON — not as a serialized Java object that shows only a class name and bytes.
 */
@DisplayName("行政处罚法 Arts. 33, 34, 63 — the rule tables' results are kept readable (JSON), not as Java objects")
class DecisionResultsReadableTest extends CaseProcedureTestSupport {

    @Test
    @DisplayName("discretion, noPenalty and hearingRight: stored as JSON with the table's outputs")
    void tableResultsAreJson() {
        // the report names LZ-CX (超限运输, 公路安全保护条例 Art. 64) and proposes 20,000 yuan
        ProcessInstance instance = proposed("某客运公司裁量结果", 20000);

        ObjectValue discretion = runtimeService.getVariableTyped(instance.getId(), "discretion", false);
        assertThat(discretion.getSerializationDataFormat()).isEqualTo(SerializationDataFormats.JSON.getName());
        JsonNode range = read(discretion.getValueSerialized());
        assertThat(range.path("maxFine").asDouble()).isGreaterThanOrEqualTo(20000);
        assertThat(range.path("basis").asText()).contains("公路安全保护条例");

        ObjectValue noPenalty = runtimeService.getVariableTyped(instance.getId(), "noPenaltyRule", false);
        assertThat(noPenalty.getSerializationDataFormat()).isEqualTo(SerializationDataFormats.JSON.getName());
        assertThat(read(noPenalty.getValueSerialized()).path("noPenalty").asText()).isEqualTo("punish");

        ObjectValue hearing = runtimeService.getVariableTyped(instance.getId(), "hearingRightResult", false);
        assertThat(hearing.getSerializationDataFormat()).isEqualTo(SerializationDataFormats.JSON.getName());
        // a fine of 20,000 yuan to a citizen is a large fine: the party may ask for a hearing (Art. 63(1))
        assertThat(read(hearing.getValueSerialized()).path("hearingRight").asBoolean()).isTrue();

        // read back by the engine as the listeners read it: a map of the outputs
        @SuppressWarnings("unchecked")
        Map<String, Object> deserialized = (Map<String, Object>) runtimeService.getVariable(instance.getId(),
                "discretion");
        assertThat(String.valueOf(deserialized.get("basis"))).isEqualTo(range.path("basis").asText());
    }

    @Test
    @DisplayName("a legal reviewer reads the discretion benchmark's result through /engine-rest without deserializing")
    void reviewerReadsTheResult() {
        ProcessInstance instance = reported("某客运公司裁量可读", 20000);
        ResponseEntity<String> stored = get("cityreviewer", "/engine-rest/process-instance/" + instance.getId()
                + "/variables/discretion?deserializeValue=false");
        assertThat(stored.getStatusCode()).as(stored.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode body = json(stored);
        assertThat(body.path("type").asText()).isEqualTo("Object");
        assertThat(body.path("valueInfo").path("serializationDataFormat").asText()).isEqualTo("application/json");
        assertThat(read(body.path("value").asText()).path("basis").asText()).contains("公路安全保护条例");
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
