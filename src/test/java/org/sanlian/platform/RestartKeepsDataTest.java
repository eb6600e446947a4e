package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.SanlianApplication;
import org.sanlian.lead.LeadService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The default profile keeps everything in an H2 file: stop, start again, and the lead and its task are there. */
class RestartKeepsDataTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("default profile: after a restart the lead, its process instance and its open task are still there")
    void dataSurvivesRestart() {
        String instanceId;
        String leadNumber;
        try (ConfigurableApplicationContext first = start()) {
            ProcessEngine engine = first.getBean(ProcessEngine.class);
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("leadIntake",
                    java.util.Map.of("source", "INSPECTION", "partyName", "重启测试运输公司", "summary", "重启前登记",
                            "organisationCode", "xifeng"));
            instanceId = instance.getId();
            leadNumber = instance.getBusinessKey();
        }
        try (ConfigurableApplicationContext second = start()) {
            ProcessEngine engine = second.getBean(ProcessEngine.class);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count())
                    .isEqualTo(1);
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult()
                    .getTaskDefinitionKey()).isEqualTo("verifyLead");
            assertThat(second.getBean(LeadService.class).byNumber(leadNumber).getPartyName()).isEqualTo("重启测试运输公司");
            // one deployment: the unchanged models were not deployed again
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("leadIntake")
                    .count()).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SanlianApplication.class).run(
                "--spring.profiles.active=default",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("sanlian").toAbsolutePath(),
                "--server.port=0",
                "--camunda.bpm.process-engine-name=restartcheck",
                "--camunda.bpm.job-execution.enabled=false");
    }
}
