package org.sanlian.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@DisplayName("handlers.md, who may read a case: the bodies that read a case read its history — also a case opened before its history was granted, from the next start")
class CaseHistoryGrantsTest extends SanlianSpringTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    private List<String> historyPerms(String instance) {
        return jdbc.queryForList("SELECT CONCAT(GROUP_ID_, ':', PERMS_) FROM ACT_RU_AUTHORIZATION"
                + " WHERE RESOURCE_TYPE_ = ? AND RESOURCE_ID_ = ? ORDER BY GROUP_ID_", String.class,
                Resources.HISTORIC_PROCESS_INSTANCE.resourceType(), instance);
    }

    private int historyRows(String user, String instance) {
        return json(get(user, "/engine-rest/history/process-instance?processInstanceId=" + instance)).size();
    }

    @Test
    @DisplayName("a lead's body reads its history, another body does not; without its history grant (a case of before) it reads none until the start-up backfill adds the grant the service would have made")
    void historyFollowsTheRead() {
        JsonNode lead = registerLead("xfhandler1", "历史授权测试戊", null);
        String instance = lead.path("id").asText();
        assertThat(historyRows("xfhandler1", instance)).isEqualTo(1);
        assertThat(historyRows("qchandler1", instance)).isZero();
        List<String> granted = historyPerms(instance);
        assertThat(granted).isNotEmpty();

        jdbc.update("DELETE FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = ? AND RESOURCE_ID_ = ?",
                Resources.HISTORIC_PROCESS_INSTANCE.resourceType(), instance);
        assertThat(historyRows("xfhandler1", instance)).isZero();

        assertThat(CaseHistoryGrants.backfill(dataSource, "")).isEqualTo(granted.size());
        assertThat(historyPerms(instance)).isEqualTo(granted);
        assertThat(historyRows("xfhandler1", instance)).isEqualTo(1);
        assertThat(historyRows("qchandler1", instance)).isZero();
        assertThat(CaseHistoryGrants.backfill(dataSource, "")).isZero();
    }
}
