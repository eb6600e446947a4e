package org.sanlian.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The case's full-process record through the API (全过程记录, 行政处罚法 Art. 47; 9号令 Art. 3) runs from the lead's
 * registration on, as the 结案报告 prints it — before, {@code /api/cases/{n}/history} began after the filing, leaving
 * out who registered and verified the lead and who approved the filing.
 */
@DisplayName("行政处罚法 Art. 47 — the case's record through the API begins with its lead")
class CaseHistoryTest extends NetworkTestSupport {

    @Test
    @DisplayName("Art. 47: /api/cases/{n}/history starts with the lead's registration and 案源核查 by 李明 and the 立案审批 by 张建国, in time order, each officer by login and by name; /api/leads/{n} names them too")
    void art47_recordStartsWithTheLead() {
        String caseNumber = filedCase("xfhandler1", "xfhead", "全过程记录当事人");

        JsonNode history = history("xfhandler1", caseNumber);
        List<String> steps = history.findValuesAsText("step");
        assertThat(steps).startsWith("registerLead", "verifyLead", "decideFiling");
        assertThat(history.findValuesAsText("occurredAt")).isSortedAccordingTo(
                (a, b) -> Instant.parse(a).compareTo(Instant.parse(b)));
        JsonNode verified = history.get(steps.indexOf("verifyLead"));
        assertThat(verified.path("actor").asText()).isEqualTo("xfhandler1");
        assertThat(verified.path("actorName").asText()).isEqualTo("李明");
        JsonNode filed = history.get(steps.indexOf("decideFiling"));
        assertThat(filed.path("actor").asText()).isEqualTo("xfhead");
        assertThat(filed.path("actorName").asText()).isEqualTo("张建国");

        // the lead's own record names its officers the same way (found in Chromium: logins only)
        String leadNumber = json(get("xfhandler1", "/api/cases/" + caseNumber)).path("leadNumber").asText();
        JsonNode leadHistory = json(get("xfhandler1", "/api/leads/" + leadNumber)).path("history");
        assertThat(leadHistory).isNotEmpty().allSatisfy(entry -> assertThat(entry.path("actorName").asText())
                .isEqualTo("xfhead".equals(entry.path("actor").asText()) ? "张建国" : "李明"));
    }
}
