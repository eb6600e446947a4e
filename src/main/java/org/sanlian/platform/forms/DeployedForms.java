package org.sanlian.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The Camunda Form of a task or start event, parsed, as the engine runs it. A form bound to its deployment
 * ({@code formRefBinding="deployment"}) never changes for a process definition, so it is read from the database and
 * parsed once per definition and step (issue 16), not at every submit; a form bound otherwise is read each time.
 * The schema handed out is shared: callers only read it.
 */
public final class DeployedForms {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> FIXED = new ConcurrentHashMap<>();

    private DeployedForms() {
    }

    /** The form of the task. */
    public static JsonNode of(DelegateTask task) {
        FormDefinition form = task instanceof TaskEntity entity && entity.getTaskDefinition() != null
                ? entity.getTaskDefinition().getFormDefinition() : null;
        return schema(form, task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                () -> task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId()));
    }

    /** The form of the process's start event. */
    public static JsonNode ofStart(DelegateExecution execution) {
        ProcessDefinitionEntity definition = execution instanceof ExecutionEntity entity
                ? entity.getProcessDefinition() : null;
        return schema(definition == null ? null : definition.getStartFormDefinition(),
                execution.getProcessDefinitionId() + "#start",
                () -> execution.getProcessEngineServices().getFormService()
                        .getDeployedStartForm(execution.getProcessDefinitionId()));
    }

    private static JsonNode schema(FormDefinition form, String key, Supplier<InputStream> deployed) {
        if (form != null && "deployment".equals(form.getCamundaFormDefinitionBinding())) {
            return FIXED.computeIfAbsent(key, k -> read(deployed));
        }
        return read(deployed);
    }

    private static JsonNode read(Supplier<InputStream> deployed) {
        try (InputStream form = Context.getCommandContext().runWithoutAuthorization(deployed::get)) {
            return JSON.readTree(form);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the form", e);
        }
    }
}
