package org.sanlian.supervision;

import org.sanlian.platform.ChinaTime;
import org.sanlian.platform.ProcessActors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.sanlian.platform.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Chinese labels for the variables Sanlian owns, so that Cockpit's process instance view can show
 * "情节：一般" rather than {@code circumstanceTier=general}. The labels of form fields come from the Camunda Forms
 * themselves (the label an officer saw when he typed the value); the variables the processes set come from the
 * table below.
 */
@Component
class VariableLabels {

    public record Labelled(String name, String label, String value) {
    }

    /** An open task with its candidate groups by name (organisation + role), not by id. */
    public record OpenTask(String name, String due, String assignee, List<String> groups) {
    }

    public record Instance(List<Labelled> variables, List<OpenTask> tasks) {
    }

    private static final Map<String, String> PROCESS_VARIABLES = Map.ofEntries(
            Map.entry("caseNumber", "案号"), Map.entry("leadNumber", "案源编号"),
            Map.entry("organisationCode", "执法单位"), Map.entry("partyName", "当事人"),
            Map.entry("decisionDeadline", "办案期限（行政处罚法第六十条）"), Map.entry("decisionWarningAt", "办案期限预警时间"),
            Map.entry("decisionMade", "已作出处理决定"), Map.entry("decisionNumber", "决定书文号"),
            Map.entry("verificationDue", "立案决定期限"), Map.entry("preservationDue", "先行登记保存处理期限"),
            Map.entry("seizureDue", "扣押期限"), Map.entry("statementDue", "陈述申辩期限"), Map.entry("legalReviewDue", "法制审核期限"),
            Map.entry("hearingDue", "听证日期"), Map.entry("hearingNoticeServiceRecorded", "听证通知书送达已在听证通知中记录"),
            Map.entry("serviceDue", "送达期限"), Map.entry("paymentDue", "缴纳罚款期限"),
            Map.entry("paymentDueDate", "缴纳罚款期限"), Map.entry("courtApplicationDue", "申请法院强制执行期限"),
            Map.entry("reminderDue", "催告期限"), Map.entry("reminderDueDate", "催告书最迟送达日"),
            Map.entry("deferralApprovalDue", "暂缓或分期缴纳审批期限"), Map.entry("accruedSurcharge", "批准暂缓前已加处罚款（元）"),
            Map.entry("courtApplicationEarliest", "可申请强制执行起始日"), Map.entry("courtApplicationLast", "申请强制执行截止日"),
            Map.entry("closureDue", "结案报告期限"), Map.entry("closureApprovalDue", "结案审批期限"),
            Map.entry("crimeTransferDue", "移送审批期限"), Map.entry("crimeTransferSendDue", "移送期限"),
            Map.entry("policeFilingDue", "公安机关立案审查期限"), Map.entry("awaitsPoliceFiling", "等待公安机关立案决定"),
            Map.entry("policeFilingOfficer", "登记公安机关决定的执法人员"),
            Map.entry("policeExcludedFrom", "移送公安机关之日（不计入办案期限起）"),
            Map.entry("policeExcludedTo", "公安机关不予立案或退回之日（不计入办案期限止）"),
            Map.entry("discretion", "裁量基准"), Map.entry("fineDue", "须缴纳罚款"), Map.entry("surcharge", "加处罚款（元）"),
            Map.entry("proposedOutcomeText", "拟处理意见"), Map.entry("investigators", "调查人员"),
            Map.entry("seizureExtended", "扣押已延长"), Map.entry("hearingHeld", "已举行听证"),
            Map.entry("deviationRequired", "须偏离裁量基准审批"), Map.entry("legalReviewRequired", "须法制审核"),
            Map.entry("collectiveDiscussionRequired", "须集体讨论"), Map.entry("hearingRight", "有听证权利"));

    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("minor", "轻微"), Map.entry("general", "一般"), Map.entry("serious", "严重"),
            Map.entry("penalty", "行政处罚"), Map.entry("noPenalty", "不予处罚"), Map.entry("paid", "已缴纳"),
            Map.entry("file", "立案"), Map.entry("approve", "同意"), Map.entry("reject", "不同意"));

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Map<String, String> labels;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final CaseRecords records;

    public VariableLabels(HistoryService historyService, TaskService taskService, IdentityService identityService,
            CaseRecords records, ObjectMapper json) {
        this.historyService = historyService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.records = records;
        this.labels = new HashMap<>(formLabels(json));
        this.labels.putAll(PROCESS_VARIABLES);
    }

    /** The label of one variable, or null when Sanlian does not own it. */
    public String labelOf(String name) {
        return labels.get(name);
    }

    /** One process instance the caller supervises: its labelled variables and its open tasks. */
    Instance instance(String processInstanceId, SupervisorScope scope) {
        List<Labelled> variables = of(processInstanceId, scope);
        Map<String, String> groupNames = asSystem(() -> identityService.createGroupQuery().list()).stream()
                .filter(g -> g.getName() != null).collect(Collectors.toMap(Group::getId, Group::getName));
        Map<String, String> people = records.officerNames();
        List<OpenTask> tasks = new ArrayList<>();
        for (Task task : asSystem(() -> taskService.createTaskQuery().processInstanceId(processInstanceId).list())) {
            List<String> groups = asSystem(() -> taskService.getIdentityLinksForTask(task.getId())).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(link -> groupNames.getOrDefault(link.getGroupId(), link.getGroupId())).toList();
            tasks.add(new OpenTask(task.getName(), task.getDueDate() == null ? null : display(task.getDueDate()),
                    task.getAssignee() == null ? null : people.getOrDefault(task.getAssignee(), task.getAssignee()),
                    groups));
        }
        return new Instance(variables, tasks);
    }

    /** The labelled variables of one process instance the caller supervises, by label. */
    List<Labelled> of(String processInstanceId, SupervisorScope scope) {
        List<HistoricVariableInstance> variables = asSystem(() -> historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list());
        Object body = variables.stream().filter(v -> "organisationCode".equals(v.getName()))
                .map(HistoricVariableInstance::getValue).findFirst().orElse(null);
        if (body == null || !scope.covers(body.toString())) {
            throw new NotFoundException("可监督的流程实例", processInstanceId);
        }
        Map<String, String> bodies = records.organisationNames();
        List<Labelled> labelled = new ArrayList<>();
        for (HistoricVariableInstance variable : variables) {
            String label = labels.get(variable.getName());
            if (label != null) {
                Object value = "organisationCode".equals(variable.getName())
                        ? bodies.getOrDefault(String.valueOf(variable.getValue()), String.valueOf(variable.getValue()))
                        : variable.getValue();
                labelled.add(new Labelled(variable.getName(), label, display(value)));
            }
        }
        labelled.sort(Comparator.comparing(Labelled::label));
        return labelled;
    }

    static String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof Date date) {
            return ZonedDateTime.ofInstant(date.toInstant(), ChinaTime.CHINA).format(MINUTES);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "：" + display(e.getValue()))
                    .collect(Collectors.joining("；"));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(VariableLabels::display).collect(Collectors.joining("、"));
        }
        return VALUES.getOrDefault(value.toString(), value.toString());
    }

    private static Map<String, String> formLabels(ObjectMapper json) {
        Map<String, String> labels = new HashMap<>();
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    collect(json.readTree(in), labels);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return labels;
    }

    private static void collect(JsonNode node, Map<String, String> labels) {
        if (node.hasNonNull("key") && node.hasNonNull("label")) {
            labels.putIfAbsent(node.get("key").asText(), node.get("label").asText());
        }
        for (JsonNode child : node.path("components")) {
            collect(child, labels);
        }
    }

    private <T> T asSystem(java.util.function.Supplier<T> query) {
        return ProcessActors.withoutCaller(identityService, query);
    }
}
