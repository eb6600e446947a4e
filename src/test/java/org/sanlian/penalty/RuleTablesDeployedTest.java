package org.sanlian.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class RuleTablesDeployedTest extends SanlianSpringTest {

    @Test
    @DisplayName("issue 4: the six rule tables (行政处罚法 Arts. 33, 34, 51, 57 ¶2, 58, 63) and summaryProcedure are deployed, each decision with its history time-to-live")
    void deployed() {
        ResponseEntity<String> decisions = get("analyst", "/engine-rest/decision-definition?latestVersion=true");
        assertThat(decisions.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(decisions).findValuesAsText("key")).contains("procedureChoice", "discretion",
                "legalReviewRequired", "collectiveDiscussionRequired", "hearingRight", "noPenalty");
        assertThat(json(decisions).findValuesAsText("historyTimeToLive")).doesNotContain("null", "");
        ResponseEntity<String> process = get("analyst", "/engine-rest/process-definition/key/summaryProcedure");
        assertThat(process.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(process).path("name").asText()).isEqualTo("简易程序（当场处罚）");
    }
}
