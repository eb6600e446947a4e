package org.sanlian.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.sanlian.platform.FieldViolation;
import org.springframework.stereotype.Component;

/**
 * Checks a submit against the Camunda Form of its task or start event, before the engine runs it. A form bound
 * to its deployment ({@code formRefBinding="deployment"}) never changes, so it is parsed once per process
 * definition and step.
 */
@Component
public class FormSubmissions {

    private final ProcessEngine engine;
    private final Map<String, FormFields> parsed = new ConcurrentHashMap<>();

    public FormSubmissions(ProcessEngine engine) {
        this.engine = engine;
    }

    /** The problems of a submit to a task; empty when the task does not exist (the engine answers 404). */
    public Optional<List<FieldViolation>> checkTaskSubmit(String taskId, JsonNode variables) {
        return taskForm(taskId, (fields, task) -> fields.check(variables, task::getVariable));
    }

    /**
     * The administrator's variables for a task (complete, submit-form, resolve): those its form declares must have
     * the declared types ({@link FormFields#checkTypes}); empty when the task does not exist.
     */
    public Optional<List<FieldViolation>> checkTaskTypes(String taskId, JsonNode variables) {
        return taskForm(taskId, (fields, task) -> fields.checkTypes(variables));
    }

    private Optional<List<FieldViolation>> taskForm(String taskId,
            java.util.function.BiFunction<FormFields, TaskEntity, List<FieldViolation>> check) {
        return execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return Optional.empty();
            }
            TaskDefinition definition = task.getTaskDefinition();
            FormDefinition form = definition == null ? null : definition.getFormDefinition();
            FormFields fields = fields(context, form, task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                    () -> engine.getFormService().getDeployedTaskForm(taskId));
            return Optional.of(check.apply(fields, task));
        });
    }

    /**
     * The definition (by id, or latest by key, optionally of a tenant) has a Camunda Form on its start event; true
     * when there is no such definition, so the engine answers 404 as usual. A process without one (a case transfer,
     * an assistance request) is started by the system, never through submit-form.
     */
    public boolean hasStartForm(String id, String key, String tenantId) {
        return execute(context -> {
            ProcessDefinitionEntity definition = definition(context, id, key, tenantId);
            return definition == null || isCamundaForm(definition.getStartFormDefinition());
        });
    }

    /**
     * The problems of a submit to a start form, the definition given by id or by key (latest version, optionally
     * of a tenant); empty when there is no such definition.
     */
    public Optional<List<FieldViolation>> checkStartSubmit(String id, String key, String tenantId, JsonNode variables) {
        return startForm(id, key, tenantId, fields -> fields.check(variables, name -> null));
    }

    /**
     * The administrator's variables for a start (submit-form or start): those the start event's form declares must
     * have the declared types ({@link FormFields#checkTypes}); empty when there is no such definition.
     */
    public Optional<List<FieldViolation>> checkStartTypes(String id, String key, String tenantId, JsonNode variables) {
        return startForm(id, key, tenantId, fields -> fields.checkTypes(variables));
    }

    private Optional<List<FieldViolation>> startForm(String id, String key, String tenantId,
            Function<FormFields, List<FieldViolation>> check) {
        return execute(context -> {
            ProcessDefinitionEntity definition = definition(context, id, key, tenantId);
            if (definition == null) {
                return Optional.empty();
            }
            String definitionId = definition.getId();
            FormFields fields = fields(context, definition.getStartFormDefinition(), definitionId + "#start",
                    () -> engine.getFormService().getDeployedStartForm(definitionId));
            return Optional.of(check.apply(fields));
        });
    }

    private static ProcessDefinitionEntity definition(CommandContext context, String id, String key, String tenantId) {
        DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
        try {
            return id != null ? cache.findDeployedProcessDefinitionById(id)
                    : tenantId != null ? cache.findDeployedLatestProcessDefinitionByKeyAndTenantId(key, tenantId)
                    : cache.findDeployedLatestProcessDefinitionByKey(key);
        } catch (ProcessEngineException notFound) {
            return null;
        }
    }

    private static boolean isCamundaForm(FormDefinition form) {
        return form != null && (form.getCamundaFormDefinitionKey() != null || isCamundaFormKey(form));
    }

    private FormFields fields(CommandContext context, FormDefinition form, String cacheKey,
            java.util.function.Supplier<InputStream> deployedForm) {
        if (!isCamundaForm(form)) {
            return FormFields.NONE;
        }
        if ("deployment".equals(form.getCamundaFormDefinitionBinding())) {
            return parsed.computeIfAbsent(cacheKey, key -> load(context, deployedForm));
        }
        return load(context, deployedForm);
    }

    private static boolean isCamundaFormKey(FormDefinition form) {
        return form.getFormKey() != null && form.getFormKey().getExpressionText().startsWith("camunda-forms:");
    }

    private static FormFields load(CommandContext context, java.util.function.Supplier<InputStream> deployedForm) {
        return context.runWithoutAuthorization(() -> FormFields.parse(deployedForm.get()));
    }

    private <T> T execute(java.util.function.Function<CommandContext, T> work) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(work::apply);
    }
}
