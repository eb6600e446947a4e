package org.sanlian.organisation;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A body that reads a case reads its history too ({@link CaseAccess} grants both). Cases opened before that grant
 * existed have only the runtime one: at start each group's READ on a process instance without the matching READ on
 * its historic process instance gets it, in one statement (none after the first start). Without it Tasklist's
 * 添加备注 failed with "No task found" (Camunda looks a comment's task up in history) and a worker's history
 * queries were empty. A failure is logged and start-up goes on.
 */
@Component
class CaseHistoryGrants extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(CaseHistoryGrants.class);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try {
            int added = backfill(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
            if (added > 0) {
                LOG.info("history read granted on {} case instance(s) to the groups that read them", added);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not grant the history of existing cases to the groups that read them", e);
        }
    }

    /** Adds the missing history grants; how many. */
    static int backfill(DataSource dataSource, String prefix) {
        String table = (prefix == null ? "" : prefix) + "ACT_RU_AUTHORIZATION";
        return new JdbcTemplate(dataSource).update("INSERT INTO " + table
                + " (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_, ROOT_PROC_INST_ID_)"
                + " SELECT CONCAT('sl-h-', a.ID_), 1, a.TYPE_, a.GROUP_ID_, ?, a.RESOURCE_ID_, ?, a.RESOURCE_ID_"
                + " FROM " + table + " a WHERE a.TYPE_ = ? AND a.RESOURCE_TYPE_ = ? AND a.GROUP_ID_ IS NOT NULL"
                + " AND a.RESOURCE_ID_ <> '*' AND NOT EXISTS (SELECT 1 FROM " + table + " h WHERE h.TYPE_ = a.TYPE_"
                + " AND h.GROUP_ID_ = a.GROUP_ID_ AND h.RESOURCE_TYPE_ = ? AND h.RESOURCE_ID_ = a.RESOURCE_ID_)",
                Resources.HISTORIC_PROCESS_INSTANCE.resourceType(), HistoricProcessInstancePermissions.READ.getValue(),
                Authorization.AUTH_TYPE_GRANT, Resources.PROCESS_INSTANCE.resourceType(),
                Resources.HISTORIC_PROCESS_INSTANCE.resourceType());
    }
}
