package org.sanlian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.http.HttpStatus;

/** domain.md §6 超期预警 and §2.1: a registered lead's filing deadline is watched, by the right people only. */
class DeadlineWatchTest extends SanlianSpringTest {

    @Test
    @DisplayName("domain.md §2.1, §6: a 庆城县 lead's 立案决定期限 is listed for citysupervisor and qchead, not for xfhead")
    void aLeadsFilingDeadlineIsWatched() {
        JsonNode lead = registerLead("qchandler1", "庆城期限监督测试户", null);
        String path = "/api/supervision/deadlines?state=ALL&kind=FILING&organisation=qingcheng";
        List<JsonNode> rows = rowsOf(json(get("citysupervisor", path)), "庆城期限监督测试户");
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.path("organisationName").asText()).isEqualTo("庆城县交通运输综合行政执法队");
        assertThat(row.path("kindName").asText()).isEqualTo("立案决定期限");
        assertThat(row.path("step").asText()).isEqualTo("案源核查");
        assertThat(row.path("state").asText()).isIn("OPEN", "AT_RISK");
        assertThat(row.path("daysLeft").asLong()).isPositive();
        assertThat(row.path("processInstanceId").asText()).isEqualTo(lead.path("id").asText());
        assertThat(rowsOf(json(get("qchead", path)), "庆城期限监督测试户")).hasSize(1);
        assertThat(json(get("xfhead", "/api/supervision/deadlines?state=ALL")).toString()).doesNotContain("庆城期限监督测试户");

        JsonNode timeline = json(get("citysupervisor", "/api/supervision/timeline?reference=" + row.path("reference").asText()));
        assertThat(timeline.path("entries").get(0).path("who").asText()).isEqualTo("赵磊");
        assertThat(timeline.path("entries").get(0).path("step").asText()).isEqualTo("案源登记");
        assertThat(get("xfhead", "/api/supervision/timeline?reference=" + row.path("reference").asText()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("citysupervisor", "/api/supervision/deadlines?kind=NOSUCH").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private static List<JsonNode> rowsOf(JsonNode rows, String party) {
        List<JsonNode> found = new ArrayList<>();
        rows.forEach(r -> {
            if (party.equals(r.path("partyName").asText())) {
                found.add(r);
            }
        });
        return found;
    }
}
