package org.sanlian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.supervision.Statistics.Outcome;

/**
 * domain.md §6 统计 counts cases by how they ended. The ending is the investigation report's 处理意见 (行政处罚法
 * Art. 57: 给予行政处罚, 不予行政处罚 — minor acts and acts not established alike —, 移送司法机关); a decided case
 * whose 处理意见 is missing or not one the form offers was counted as 不予处罚, which no record said.
 */
class StatisticsOutcomeTest {

    private static Map<String, Object> decided(Object proposedOutcome) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("decisionMade", true);
        variables.put("proposedOutcome", proposedOutcome);
        return variables;
    }

    @Test
    @DisplayName("Art. 57: 给予行政处罚, 不予行政处罚 (轻微 or 违法事实不能成立) and 移送司法机关 are counted as recorded")
    void art57_eachRecordedOutcome() {
        assertThat(Statistics.outcome("DECIDED", decided("penalty"))).isEqualTo(Outcome.PENALTY);
        assertThat(Statistics.outcome("DECIDED", decided("noPenalty"))).isEqualTo(Outcome.NO_PENALTY);
        assertThat(Statistics.outcome("CLOSED", decided("notEstablished"))).isEqualTo(Outcome.NO_PENALTY);
        assertThat(Statistics.outcome("DECIDED", decided("crimeTransfer"))).isEqualTo(Outcome.CRIME_TRANSFER);
        assertThat(Statistics.outcome("CRIME_TRANSFERRED", Map.of())).isEqualTo(Outcome.CRIME_TRANSFER);
        assertThat(Statistics.outcome("TRANSFERRED", Map.of())).isEqualTo(Outcome.TRANSFERRED);
        assertThat(Statistics.outcome("FILED", Map.of())).isEqualTo(Outcome.PENDING);
    }

    @Test
    @DisplayName("a decided case without a 处理意见 the form offers is not counted as 不予处罚")
    void noRecordedOutcomeIsNoNoPenalty() {
        assertThat(Statistics.outcome("DECIDED", decided(null))).isEqualTo(Outcome.UNRECORDED);
        assertThat(Statistics.outcome("DECIDED", decided("somethingElse"))).isEqualTo(Outcome.UNRECORDED);
        assertThat(Outcome.UNRECORDED.chineseName()).isEqualTo("处理意见未记录");
    }
}
