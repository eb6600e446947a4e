package org.sanlian.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.sanlian.support.TestModels;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16: documents name steps as the latest deployed models name them (conventions: steps, not ids). The names of a
 * deployed definition are read from its model once; which definitions are the latest is asked at every document, so a
 * model an analyst deploys from Modeler names its steps on the next document, and one deleted no longer does.
 */
@DisplayName("Issue 16: step names on documents come from the latest models, each model read once")
class StepNamesTest extends SanlianSpringTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    StepNames stepNames;

    private static String model(String taskName) {
        return TestModels.withOneStep("stepNamesCheck", "步骤名称检查", "namedStepOfTest",
                "<userTask id=\"namedStepOfTest\" name=\"%s\" camunda:candidateGroups=\"xfhandler\" />".formatted(taskName));
    }

    private String deploy(String taskName) {
        return repositoryService.createDeployment().name("stepNamesCheck.bpmn")
                .addString("stepNamesCheck.bpmn", model(taskName)).deploy().getId();
    }

    @Test
    @DisplayName("a step renamed in a new version is named anew on the next document; a deleted model's step is 办案记录 again")
    void theLatestModelNamesTheStep() {
        assertThat(stepNames.lookup().name("investigate")).isEqualTo("调查取证");
        assertThat(stepNames.lookup().name("namedStepOfTest")).isEqualTo(StepNames.UNKNOWN);

        String first = deploy("初次 命名");
        String second = null;
        try {
            assertThat(stepNames.lookup().name("namedStepOfTest")).as("white space dropped").isEqualTo("初次命名");
            assertThat(stepNames.lookup().name("namedStepOfTest")).as("asked again: the same").isEqualTo("初次命名");

            second = deploy("再次命名");
            assertThat(stepNames.lookup().name("namedStepOfTest")).isEqualTo("再次命名");
            assertThat(stepNames.lookup().name("investigate")).isEqualTo("调查取证");

            repositoryService.deleteDeployment(second, true);
            second = null;
            assertThat(stepNames.lookup().name("namedStepOfTest")).as("the version before is the latest again")
                    .isEqualTo("初次命名");
        } finally {
            if (second != null) {
                repositoryService.deleteDeployment(second, true);
            }
            repositoryService.deleteDeployment(first, true);
        }
        assertThat(stepNames.lookup().name("namedStepOfTest")).isEqualTo(StepNames.UNKNOWN);
        assertThat(stepNames.lookup().name(null)).isEqualTo(StepNames.UNKNOWN);
    }
}
