package org.sanlian.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * How the models are deployed (docs/analysts.md "Changing a rule table"): the app's start-up deployment, an analyst's
 * deploy-changed-only of one table, and the table put into effect together with the processes bound to it
 * (decisionRefBinding and formRefBinding "deployment"). Every deployment made here is removed at the end.
 */
@DisplayName("Deploying models: unchanged models get no new version; deploy-changed-only of one table versions that table alone")
class DeployChangedOnlyTest extends SanlianSpringTest {

    /** The name SpringProcessEngineConfiguration gives the start-up deployment, which duplicate filtering compares. */
    static final String AUTO_DEPLOYMENT = "SpringAutoDeployment";

    @Autowired
    RepositoryService repositoryService;

    /**
     * bpmn/ and forms/ as the build copies them onto the classpath: resource name → content, named as the start-up
     * deployment names them (the file name from a jar; the absolute path from target/classes), since duplicate
     * filtering compares resources by name.
     */
    private Map<String, String> models() throws IOException {
        String startUp = repositoryService.createProcessDefinitionQuery().processDefinitionKey("leadIntake")
                .latestVersion().singleResult().getDeploymentId();
        Map<String, String> deployedNames = new LinkedHashMap<>();
        repositoryService.getDeploymentResourceNames(startUp)
                .forEach(name -> deployedNames.put(name.substring(name.lastIndexOf('/') + 1), name));
        Map<String, String> models = new LinkedHashMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : new String[] {"classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn", "classpath*:forms/*.form"}) {
            for (Resource resource : resolver.getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    models.put(deployedNames.getOrDefault(resource.getFilename(), resource.getFilename()),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return models;
    }

    /** The resource name of a file of bpmn/ or forms/. */
    private static String nameOf(Map<String, String> models, String fileName) {
        return models.keySet().stream().filter(n -> n.equals(fileName) || n.endsWith("/" + fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no model " + fileName));
    }

    private static Map<String, String> withChangedDiscretion(Map<String, String> models) {
        Map<String, String> changed = new LinkedHashMap<>(models);
        String name = nameOf(models, "discretion.dmn");
        String table = models.get(name);
        String edited = table.replace("name=\"行政处罚裁量基准\"", "name=\"行政处罚裁量基准（分析员修订）\"");
        assertThat(edited).isNotEqualTo(table);
        changed.put(name, edited);
        return changed;
    }

    private ResponseEntity<String> deployAsAnalyst(Map<String, String> files, boolean duplicateFiltering,
            boolean changedOnly) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", AUTO_DEPLOYMENT);
        form.add("enable-duplicate-filtering", String.valueOf(duplicateFiltering));
        form.add("deploy-changed-only", String.valueOf(changedOnly));
        files.forEach((name, content) -> form.add(name, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        return rest.withBasicAuth("analyst", DEMO_PASSWORD).postForEntity("/engine-rest/deployment/create", form,
                String.class);
    }

    /** key → latest version of every process and table. */
    private Map<String, Integer> latestVersions() {
        Map<String, Integer> versions = new LinkedHashMap<>();
        repositoryService.createProcessDefinitionQuery().latestVersion().list()
                .forEach(d -> versions.put("process:" + d.getKey(), d.getVersion()));
        repositoryService.createDecisionDefinitionQuery().latestVersion().list()
                .forEach(d -> versions.put("decision:" + d.getKey(), d.getVersion()));
        return versions;
    }

    private static List<String> changedKeys(Map<String, Integer> before, Map<String, Integer> after) {
        return after.keySet().stream().filter(k -> !after.get(k).equals(before.get(k))).sorted().toList();
    }

    /** The table, the processes that call it, and every table and form those processes bind by deployment. */
    private static Map<String, String> boundTogether(Map<String, String> models, String table) {
        Map<String, String> set = new LinkedHashMap<>();
        set.put(nameOf(models, table + ".dmn"), models.get(nameOf(models, table + ".dmn")));
        Pattern decisionRef = Pattern.compile("camunda:decisionRef=\"([^\"$]+)\"");
        Pattern formRef = Pattern.compile("camunda:formRef=\"([^\"$]+)\"");
        models.forEach((name, content) -> {
            if (name.endsWith(".bpmn") && content.contains("camunda:decisionRef=\"" + table + "\"")) {
                set.put(name, content);
                for (Matcher m = decisionRef.matcher(content); m.find();) {
                    set.put(nameOf(models, m.group(1) + ".dmn"), models.get(nameOf(models, m.group(1) + ".dmn")));
                }
                for (Matcher m = formRef.matcher(content); m.find();) {
                    set.put(nameOf(models, m.group(1) + ".form"), models.get(nameOf(models, m.group(1) + ".form")));
                }
            }
        });
        return set;
    }

    @Test
    @DisplayName("a restart with unchanged models creates no new version: the start-up deployment is filtered as a duplicate")
    void restartWithUnchangedModelsDeploysNothing() throws IOException {
        Map<String, Integer> before = latestVersions();
        long deployments = repositoryService.createDeploymentQuery().count();
        // what SpringProcessEngineConfiguration#autoDeployResources does at every start
        DeploymentBuilder startUp = repositoryService.createDeployment().enableDuplicateFiltering(false)
                .name(AUTO_DEPLOYMENT);
        models().forEach((name, content) -> startUp.addString(name, content));
        Deployment result = startUp.deploy();
        try {
            assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
            assertThat(result.getName()).isEqualTo(AUTO_DEPLOYMENT);
            assertThat(changedKeys(before, latestVersions())).isEmpty();
        } finally {
            if (repositoryService.createDeploymentQuery().count() > deployments) {
                repositoryService.deleteDeployment(result.getId(), true);
            }
        }
    }

    @Test
    @DisplayName("deploy-changed-only with one changed table versions that table alone; cases keep the table of their process's deployment until the table is deployed with the processes bound to it")
    void oneChangedTableVersionsThatTableAlone() throws IOException {
        Map<String, String> models = models();
        Map<String, Integer> before = latestVersions();
        String processDeployment = repositoryService.createProcessDefinitionQuery().processDefinitionKey("generalProcedure")
                .latestVersion().singleResult().getDeploymentId();
        List<String> created = new ArrayList<>();
        try {
            ResponseEntity<String> tableOnly = deployAsAnalyst(withChangedDiscretion(models), true, true);
            assertThat(tableOnly.getStatusCode()).as(tableOnly.getBody()).isEqualTo(HttpStatus.OK);
            JsonNode deployed = json(tableOnly);
            created.add(deployed.path("id").asText());
            assertThat(deployed.path("deployedProcessDefinitions").size()).isZero();
            assertThat(deployed.path("deployedDecisionDefinitions").size()).isEqualTo(1);
            Map<String, Integer> afterTable = latestVersions();
            assertThat(changedKeys(before, afterTable)).containsExactly("decision:discretion");
            assertThat(afterTable.get("decision:discretion")).isEqualTo(before.get("decision:discretion") + 1);
            assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("discretion")
                    .latestVersion().singleResult().getName()).isEqualTo("行政处罚裁量基准（分析员修订）");
            // decisionRefBinding="deployment": generalProcedure's latest version still runs on the table deployed with it
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("generalProcedure")
                    .latestVersion().singleResult().getDeploymentId()).isEqualTo(processDeployment);
            assertThat(repositoryService.createDecisionDefinitionQuery().deploymentId(processDeployment)
                    .decisionDefinitionKey("discretion").singleResult().getName()).isEqualTo("行政处罚裁量基准");

            ResponseEntity<String> again = deployAsAnalyst(withChangedDiscretion(models), true, true);
            assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.OK);
            if (!created.contains(json(again).path("id").asText())) {
                created.add(json(again).path("id").asText());
            }
            assertThat(changedKeys(afterTable, latestVersions())).as("the same change sent twice").isEmpty();

            // to put the table into effect for new cases: deploy it with the processes bound to it (always, no filter)
            Map<String, String> bound = boundTogether(withChangedDiscretion(models), "discretion");
            List<String> boundFiles = bound.keySet().stream().map(n -> n.substring(n.lastIndexOf('/') + 1)).toList();
            assertThat(boundFiles).contains("generalProcedure.bpmn", "discretion.dmn", "hearingRight.dmn",
                    "decidePenalty.form").doesNotContain("leadIntake.bpmn", "summaryProcedure.bpmn",
                    "procedureChoice.dmn", "competentBody.dmn");
            ResponseEntity<String> withProcesses = deployAsAnalyst(bound, false, false);
            assertThat(withProcesses.getStatusCode()).as(withProcesses.getBody()).isEqualTo(HttpStatus.OK);
            created.add(json(withProcesses).path("id").asText());
            Map<String, Integer> afterProcesses = latestVersions();
            Set<String> boundKeys = Set.of("process:generalProcedure", "decision:discretion", "decision:hearingRight",
                    "decision:legalReviewRequired", "decision:noPenalty", "decision:collectiveDiscussionRequired");
            assertThat(changedKeys(afterTable, afterProcesses)).containsExactlyInAnyOrderElementsOf(boundKeys);
            String newProcessDeployment = repositoryService.createProcessDefinitionQuery()
                    .processDefinitionKey("generalProcedure").latestVersion().singleResult().getDeploymentId();
            assertThat(repositoryService.createDecisionDefinitionQuery().deploymentId(newProcessDeployment)
                    .decisionDefinitionKey("discretion").singleResult().getName()).isEqualTo("行政处罚裁量基准（分析员修订）");
        } finally {
            for (int i = created.size() - 1; i >= 0; i--) {
                repositoryService.deleteDeployment(created.get(i), true);
            }
        }
        assertThat(latestVersions()).isEqualTo(before);
    }
}
