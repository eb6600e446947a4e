package org.sanlian.document;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.sanlian.platform.ProcessActors;
import org.springframework.stereotype.Component;

/**
 * Steps by their Chinese names on documents (conventions: people, not usernames; steps, not ids): a step of the
 * full-process record (行政处罚法 Art. 47) is named as the deployed models name their element, else as the record
 * names the few steps that are no element of a model. A step neither knows is shown as 办案记录, never by its id.
 */
@Component
class StepNames {

    /** Steps the record writes that are not elements of a model. */
    private static final Map<String, String> RECORDED_STEPS = Map.ofEntries(
            Map.entry("deviationRequested", "申请偏离裁量基准"),
            Map.entry("noPenaltyPossible", "可不予处罚仍拟处罚"),
            Map.entry("movedFromSummaryProcedure", "由简易程序转为普通程序"),
            Map.entry("registerOnTheSpot", "当场处罚登记"),
            Map.entry("jurisdiction", "管辖"),
            Map.entry("transferredOut", "移送其他机关"),
            Map.entry("transferReceived", "接收移送案件"),
            Map.entry("assistanceReplied", "协查回复"),
            Map.entry("assistanceRefused", "拒绝协查"),
            Map.entry("assistanceReceived", "收到协查结果"),
            Map.entry("assistanceOverdue", "协查超期"),
            Map.entry("service", "送达"));

    static final String UNKNOWN = "办案记录";
    private static final int KEPT_DEFINITIONS = 500;

    /** Step names per deployed process definition (immutable once deployed). */
    private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

    private final RepositoryService repositoryService;
    private final IdentityService identityService;

    StepNames(RepositoryService repositoryService, IdentityService identityService) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    /**
     * The names of every step id, as the latest deployed models and the record name them. A deployed definition never
     * changes, so its names are read from its model once (issue 16: walking every model at every document cost a
     * tenth of a render); which definitions are the latest is asked every time, so a model deployed from Modeler
     * names its steps on the next document.
     */
    Map<String, String> all() {
        Map<String, String> names = new HashMap<>(RECORDED_STEPS);
        ProcessActors.withoutCaller(identityService, () -> {
            for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
                namesOf(definition.getId()).forEach(names::putIfAbsent);
            }
            return null;
        });
        return names;
    }

    private Map<String, String> namesOf(String definitionId) {
        Map<String, String> known = byDefinition.get(definitionId);
        if (known != null) {
            return known;
        }
        Map<String, String> names = new LinkedHashMap<>();
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definitionId);
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            if (element.getName() != null && !element.getName().isBlank()) {
                names.putIfAbsent(element.getId(), element.getName().replaceAll("\\s+", ""));
            }
        }
        // a document is kept with the rule of the step that made it (penaltyDecision for 处罚决定审批): the task that
        // names the rule names it too
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getName() == null || task.getName().isBlank() || task.getExtensionElements() == null) {
                continue;
            }
            task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                    .flatMap(properties -> properties.getCamundaProperties().stream())
                    .filter(property -> "rule".equals(property.getCamundaName()) && property.getCamundaValue() != null)
                    .forEach(property -> names.putIfAbsent(property.getCamundaValue(), task.getName().replaceAll("\\s+", "")));
        }
        Map<String, String> kept = Collections.unmodifiableMap(names);
        if (byDefinition.size() >= KEPT_DEFINITIONS) {
            byDefinition.clear(); // old versions are not asked for again: start afresh rather than grow
        }
        byDefinition.put(definitionId, kept);
        return kept;
    }

    /** A lookup for one document ({@code steps.name('investigate')} → 调查取证), read from the models when first asked. */
    Lookup lookup() {
        return new Lookup(this);
    }

    /** The names a template asks for. */
    public static final class Lookup {
        private final StepNames source;
        private Map<String, String> names;

        private Lookup(StepNames source) {
            this.source = source;
        }

        public String name(String step) {
            if (names == null) {
                names = source.all();
            }
            return step == null ? UNKNOWN : names.getOrDefault(step, UNKNOWN);
        }
    }
}
