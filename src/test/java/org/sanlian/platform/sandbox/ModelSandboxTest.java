package org.sanlian.platform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.sanlian.support.TestModels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Analysts' models run in a sandbox (issue 11 ¶4): an analyst deploys through /engine-rest/deployment/create, as
 * Camunda Modeler does. A model that reaches a bean outside the allow-list, the engine, a script or a Java class is
 * refused with 400 naming the file, the element and the expression, and nothing of it is deployed.
 */
@DisplayName("Analysts' models run in a sandbox (issue 11 ¶4)")
class ModelSandboxTest extends SanlianSpringTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ApplicationContext applicationContext;

    private static String process(String key, String stepId, String step) {
        return TestModels.withOneStep(key, "沙箱检查", stepId, step);
    }

    /** The DMN of the issue: a JUEL input expression that reads a party's name from any case through a bean. */
    private static final String PARTY_LOOKUP_DMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                         id="partyLookupDefinitions" name="当事人查询" namespace="https://sanlian.example/dmn">
              <decision id="partyLookup" name="当事人查询" camunda:historyTimeToLive="1">
                <decisionTable id="partyLookupTable">
                  <input id="inputPartyName" label="当事人">
                    <inputExpression id="partyNameExpression" typeRef="string" expressionLanguage="juel">
                      <text>${caseFiles.byNumber("西峰交罚〔2026〕1号").partyName}</text>
                    </inputExpression>
                  </input>
                  <output id="outputName" name="name" typeRef="string" />
                  <rule id="anyParty">
                    <inputEntry id="anyPartyEntry"><text></text></inputEntry>
                    <outputEntry id="anyPartyName"><text>"x"</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    private ResponseEntity<String> deployAsAnalyst(String fileName, String xml) {
        return deploy("analyst", fileName, xml);
    }

    private void assertRefused(ResponseEntity<String> response, String resource, String element, String expressionPart) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.path("detail").asText()).contains(element).contains(resource).contains("沙箱");
        JsonNode error = body.path("errors").get(0);
        assertThat(error.path("resource").asText()).isEqualTo(resource);
        assertThat(error.path("element").asText()).isEqualTo(element);
        assertThat(error.path("expression").asText()).contains(expressionPart);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(repositoryService.createDeploymentQuery().deploymentName(resource).count())
                .as("nothing of a refused deployment is stored").isZero();
    }

    @Test
    @DisplayName("a DMN whose JUEL input expression calls the caseFiles bean is refused, naming the input expression")
    void dmnCallingABeanIsRefused() {
        ResponseEntity<String> response = deployAsAnalyst("partyLookup.dmn", PARTY_LOOKUP_DMN);
        assertRefused(response, "partyLookup.dmn", "partyNameExpression", "caseFiles.byNumber");
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("partyLookup").count())
                .isZero();
    }

    @Test
    @DisplayName("a DMN entry in JavaScript (or any script language) is refused: only FEEL and sandboxed JUEL")
    void dmnScriptIsRefused() {
        String script = PARTY_LOOKUP_DMN.replace("expressionLanguage=\"juel\"", "expressionLanguage=\"javascript\"")
                .replace("${caseFiles.byNumber(\"西峰交罚〔2026〕1号\").partyName}", "java.lang.System.getenv()");
        assertRefused(deployAsAnalyst("scriptLookup.dmn", script), "scriptLookup.dmn", "partyNameExpression",
                "java.lang.System");
    }

    @Test
    @DisplayName("a BPMN listener reaching execution.processEngineServices is refused, naming its task")
    void processEngineServicesAreRefused() {
        String model = process("servicesReach", "peek", """
                <userTask id="peek" name="查看">
                  <extensionElements>
                    <camunda:executionListener event="start"
                        expression="${execution.processEngineServices.runtimeService.createProcessInstanceQuery().list()}" />
                  </extensionElements>
                </userTask>
                """);
        ResponseEntity<String> response = deployAsAnalyst("servicesReach.bpmn", model);
        assertRefused(response, "servicesReach.bpmn", "peek", "execution.processEngineServices");
        assertThat(json(response).path("errors").get(0).path("message").asText()).contains("processEngineServices");
    }

    @Test
    @DisplayName("a BPMN script task is refused: scripts are off")
    void scriptTaskIsRefused() {
        String model = process("scriptStep", "runScript", """
                <scriptTask id="runScript" name="脚本" scriptFormat="javascript">
                  <script>java.lang.Runtime.getRuntime().exec('id')</script>
                </scriptTask>
                """);
        assertRefused(deployAsAnalyst("scriptStep.bpmn", model), "scriptStep.bpmn", "runScript", "scriptTask");
    }

    @Test
    @DisplayName("a service task naming a Java class is refused: steps are allow-listed beans")
    void javaClassIsRefused() {
        String model = process("classStep", "callClass", """
                <serviceTask id="callClass" name="调用类"
                    camunda:class="org.sanlian.casefile.process.FileCaseDelegate" />
                """);
        assertRefused(deployAsAnalyst("classStep.bpmn", model), "classStep.bpmn", "callClass", "camunda:class");
    }

    @Test
    @DisplayName("a sequence-flow condition calling a service bean is refused, naming the flow")
    void conditionCallingAServiceIsRefused() {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://sanlian.example/test">
                  <process id="conditionReach" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="start" />
                    <sequenceFlow id="toGateway" sourceRef="start" targetRef="gateway" />
                    <exclusiveGateway id="gateway" default="otherwise" />
                    <sequenceFlow id="leaky" sourceRef="gateway" targetRef="end">
                      <conditionExpression xsi:type="tFormalExpression">${caseFiles.byNumber(caseNumber) != null}</conditionExpression>
                    </sequenceFlow>
                    <sequenceFlow id="otherwise" sourceRef="gateway" targetRef="end" />
                    <endEvent id="end" />
                  </process>
                </definitions>
                """;
        assertRefused(deployAsAnalyst("conditionReach.bpmn", model), "conditionReach.bpmn", "leaky", "caseFiles");
    }

    @Test
    @DisplayName("the analyst still deploys every shipped model, table and form in one deployment, as docs/analysts.md tells")
    void shippedModelsDeploy() throws IOException {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "analyst: shipped models in the sandbox");
        form.add("deploy-changed-only", "false");
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        int files = 0;
        for (String pattern : new String[] {"classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn", "classpath*:forms/*.form"}) {
            for (Resource resource : resolver.getResources(pattern)) {
                String name = resource.getFilename();
                byte[] bytes;
                try (InputStream in = resource.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                form.add(name, new ByteArrayResource(bytes) {
                    @Override
                    public String getFilename() {
                        return name;
                    }
                });
                files++;
            }
        }
        assertThat(files).isGreaterThan(20);
        ResponseEntity<String> deployed = rest.withBasicAuth("analyst", DEMO_PASSWORD)
                .postForEntity("/engine-rest/deployment/create", form, String.class);
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        String deploymentId = json(deployed).path("id").asText();
        try {
            assertThat(json(deployed).path("deployedProcessDefinitions").toString())
                    .contains("generalProcedure").contains("jointInspection");
            assertThat(json(deployed).path("deployedDecisionDefinitions").toString()).contains("discretion");
        } finally {
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    @DisplayName("at run time an expression finds the allow-listed step beans, and no other bean (caseFiles)")
    void runTimeSeesOnlyTheAllowList() {
        assertThat(applicationContext.containsBean("caseFiles")).isTrue();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        Expression caseFiles = configuration.getExpressionManager().createExpression("${caseFiles}");
        Expression fileCase = configuration.getExpressionManager().createExpression("${fileCase}");
        Object step = configuration.getCommandExecutorTxRequired().execute(
                commandContext -> fileCase.getValue(StartProcessVariableScope.getSharedInstance()));
        assertThat(step).isInstanceOf(JavaDelegate.class);
        Throwable unresolved = catchThrowable(() -> configuration.getCommandExecutorTxRequired().execute(
                commandContext -> caseFiles.getValue(StartProcessVariableScope.getSharedInstance())));
        assertThat(unresolved).hasMessageContaining("caseFiles");
        assertThat(configuration.getBeans()).doesNotContainKey("caseFiles").containsKey("fileCase");
    }

    @Test
    @DisplayName("at run time, too, execution reaches no engine service: a model deployed before the sandbox cannot "
            + "use execution.processEngineServices")
    void runTimeRefusesTheEngineOnExecution() {
        String model = process("runTimeGuard", "wait", "<userTask id=\"wait\" name=\"等待\" />\n");
        String deploymentId = repositoryService.createDeployment().name("runTimeGuard.bpmn")
                .addString("runTimeGuard.bpmn", model).deploy().getId();
        try {
            String instanceId = processEngine.getRuntimeService().startProcessInstanceByKey("runTimeGuard").getId();
            ProcessEngineConfigurationImpl configuration =
                    (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
            Expression services = configuration.getExpressionManager()
                    .createExpression("${execution.processEngineServices.runtimeService}");
            Expression getter = configuration.getExpressionManager()
                    .createExpression("${execution.getProcessEngineServices()}");
            Expression instance = configuration.getExpressionManager().createExpression("${execution.processInstanceId}");
            configuration.getCommandExecutorTxRequired().execute(commandContext -> {
                var execution = commandContext.getExecutionManager().findExecutionById(instanceId);
                assertThat(instance.getValue(execution)).isEqualTo(instanceId);
                assertThat(catchThrowable(() -> services.getValue(execution)))
                        .hasStackTraceContaining("processEngineServices").hasStackTraceContaining("沙箱");
                assertThat(catchThrowable(() -> getter.getValue(execution)))
                        .hasStackTraceContaining("getProcessEngineServices").hasStackTraceContaining("沙箱");
                return null;
            });
        } finally {
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }
}
