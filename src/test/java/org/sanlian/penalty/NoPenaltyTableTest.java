package org.sanlian.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every rule of the DMN table noPenalty (行政处罚法 Art. 33; domain.md §2.13), each condition flipped once. */
class NoPenaltyTableTest extends SanlianSpringTest {

    @ParameterizedTest(name = "{7}: {0}, tier {1}, {2} earlier, harm {3}, corrected {4}, no fault {5} → {6}")
    @CsvSource(delimiter = '|', value = {
            // Art. 33 ¶2: proof of no subjective fault
            "YZ-JSY|general|3|serious|false|true|mustNot|行政处罚法第三十三条第二款",
            "YZ-JSY|general|3|serious|false|false|punish|不属于行政处罚法第三十三条",
            // Art. 33 ¶1, first sentence: minor + corrected + no harm (each condition flipped)
            "YZ-JSY|minor|2|none|true|false|mustNot|行政处罚法第三十三条第一款（轻微并及时改正，无危害后果）",
            "YZ-JSY|general|2|none|true|false|punish|不属于行政处罚法第三十三条",
            "YZ-JSY|minor|2|none|false|false|punish|不属于行政处罚法第三十三条",
            "YZ-JSY|minor|2|slight|true|false|punish|不属于行政处罚法第三十三条",
            // MOT 33-item list: 公路安全保护条例 Art. 69 load spilling, first time, corrected, no harm
            "LZ-PS|general|0|none|true|false|may|免予处罚高频事项清单（试行）：公路安全保护条例第六十九条",
            "LZ-PS|general|1|none|true|false|punish|不属于行政处罚法第三十三条",
            "LZ-PS|general|0|slight|true|false|may|行政处罚法第三十三条第一款（初次违法",
            // Art. 33 ¶1, second sentence (首违不罚): first violation, slight harm, corrected
            "YZ-JSY|general|0|slight|true|false|may|行政处罚法第三十三条第一款（初次违法",
            "YZ-JSY|general|0|none|true|false|may|行政处罚法第三十三条第一款（初次违法",
            "YZ-JSY|general|1|slight|true|false|punish|不属于行政处罚法第三十三条",
            "YZ-JSY|general|0|serious|true|false|punish|不属于行政处罚法第三十三条",
            "YZ-JSY|general|0|slight|false|false|punish|不属于行政处罚法第三十三条"})
    void noPenalty(String code, String tier, int repeat, String harm, boolean corrected, boolean noFault,
            String expected, String basis) {
        ResponseEntity<String> result = post("analyst", "/engine-rest/decision-definition/key/noPenalty/evaluate",
                variables(Map.of("violationCode", code, "circumstanceTier", tier, "repeatCount", repeat, "harm", harm,
                        "correctedPromptly", corrected, "noSubjectiveFault", noFault)));
        assertThat(result.getStatusCode()).as(result.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode row = json(result).get(0);
        assertThat(row.path("noPenalty").path("value").asText()).isEqualTo(expected);
        assertThat(row.path("noPenaltyBasis").path("value").asText()).contains(basis);
    }

    @ParameterizedTest(name = "{6}: tier {0}, {1} earlier, harm {2}, corrected {3}, no fault {4}")
    @CsvSource(delimiter = '|', value = {
            "general|3|serious|false|true|NO_FAULT|Art. 33 ¶2",
            "minor|2|none|true|false|NO_HARM|Art. 33 ¶1 first sentence",
            "general|0|slight|true|false|FIRST_SLIGHT_HARM|Art. 33 ¶1 second sentence (首违不罚)",
            "serious|5|serious|false|false||punish: no ground"})
    void groundTheDecisionStates(String tier, int repeat, String harm, boolean corrected, boolean noFault,
            String ground, String rule) {
        ResponseEntity<String> result = post("analyst", "/engine-rest/decision-definition/key/noPenalty/evaluate",
                variables(Map.of("violationCode", "YZ-JSY", "circumstanceTier", tier, "repeatCount", repeat, "harm", harm,
                        "correctedPromptly", corrected, "noSubjectiveFault", noFault)));
        assertThat(result.getStatusCode()).as(result.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode value = json(result).get(0).path("noPenaltyGround").path("value");
        assertThat(value.isNull() || value.isMissingNode() ? null : value.asText()).as(rule).isEqualTo(ground);
    }
}
