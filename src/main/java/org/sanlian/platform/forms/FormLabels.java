package org.sanlian.platform.forms;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The labels of the form a REST call submitted to (field key → label as the form shows it), so a refusal can
 * name the field the way the handler saw it, never by its variable name. Empty when the call is no form submit,
 * the task or definition is gone, or it has no Camunda Form.
 */
public final class FormLabels {

    private static final Pattern TASK_SUBMIT = Pattern.compile("/task/([^/]+)/(?:submit-form|complete)$");
    private static final Pattern START_BY_ID = Pattern.compile("/process-definition/([^/]+)/submit-form$");
    private static final Pattern START_BY_KEY =
            Pattern.compile("/process-definition/key/([^/]+)(?:/tenant-id/([^/]+))?/submit-form$");

    private FormLabels() {
    }

    /** The labels of the form behind a submit's request path (of /engine-rest or the webapps' engine API). */
    public static Map<String, String> ofRequest(String path) {
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        if (engine == null || path == null) {
            return Map.of();
        }
        try {
            return ofRequest(engine, path);
        } catch (RuntimeException unreadable) {
            // the refusal is still answered, only without labels
            return Map.of();
        }
    }

    static Map<String, String> ofRequest(ProcessEngine engine, String path) {
        Matcher task = TASK_SUBMIT.matcher(path);
        if (task.find()) {
            String taskId = task.group(1);
            return withoutAuthorization(engine, context -> {
                TaskEntity entity = context.getTaskManager().findTaskById(taskId);
                return entity == null || entity.getTaskDefinition() == null
                        || entity.getTaskDefinition().getFormDefinition() == null
                        || entity.getTaskDefinition().getFormDefinition().getCamundaFormDefinitionKey() == null
                        ? Map.of() : labels(() -> engine.getFormService().getDeployedTaskForm(taskId));
            });
        }
        Matcher byKey = START_BY_KEY.matcher(path);
        Matcher byId = START_BY_ID.matcher(path);
        boolean key = byKey.find();
        if (!key && !byId.find()) {
            return Map.of();
        }
        return withoutAuthorization(engine, context -> {
            var cache = context.getProcessEngineConfiguration().getDeploymentCache();
            ProcessDefinitionEntity definition;
            try {
                definition = !key ? cache.findDeployedProcessDefinitionById(byId.group(1))
                        : byKey.group(2) != null
                        ? cache.findDeployedLatestProcessDefinitionByKeyAndTenantId(byKey.group(1), byKey.group(2))
                        : cache.findDeployedLatestProcessDefinitionByKey(byKey.group(1));
            } catch (ProcessEngineException notFound) {
                return Map.of();
            }
            if (definition == null || definition.getStartFormDefinition() == null
                    || definition.getStartFormDefinition().getCamundaFormDefinitionKey() == null) {
                return Map.of();
            }
            String id = definition.getId();
            return labels(() -> engine.getFormService().getDeployedStartForm(id));
        });
    }

    private static Map<String, String> labels(Supplier<InputStream> form) {
        Map<String, String> labels = new LinkedHashMap<>();
        FormFields.parse(form.get()).fields().values().forEach(field -> labels.put(field.key(), field.label()));
        return labels;
    }

    private static Map<String, String> withoutAuthorization(ProcessEngine engine,
            java.util.function.Function<org.camunda.bpm.engine.impl.interceptor.CommandContext, Map<String, String>> work) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(() -> work.apply(context)));
    }
}
