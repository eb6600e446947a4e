package org.sanlian.supervision;

import org.sanlian.platform.ProcessActors;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.sanlian.casefile.CaseStatus;
import org.sanlian.lead.LeadStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place supervision reads the record from: the cases and leads, their events, documents, evidence,
 * services and fines as the domain tables hold them today, and the steps, due dates and decision facts from
 * Camunda's history. Supervision never writes; when the decisions, fines and payments move into domain tables
 * of their own, only this class is re-pointed.
 */
@Service
@Transactional(readOnly = true)
class CaseRecords {

    /**
     * A lead or case and the process instances that carry it: the one it was opened in and every other that
     * names it (a case's procedure runs in its own instance, beside its lead's).
     */
    public record Subject(String processInstanceId, Set<String> processInstanceIds, String kind, String reference,
            String leadNumber, String caseNumber, String organisationCode, String partyName, String status,
            String statusName, Instant startedAt) {
        boolean isCase() {
            return "case".equals(kind);
        }
    }

    /** A user task of a subject's process, with its due date when it has one. */
    public record DueTask(String processInstanceId, String taskKey, String taskName, Instant due, Instant started,
            Instant ended) {
    }

    /** One recorded step of the 全过程记录 (a case event or a lead event). */
    public record Event(String step, String actor, String note, Instant at) {
    }

    public record Document(String title, String documentNumber, String fileName, String sha256, String createdBy,
            Instant createdAt) {
    }

    public record EvidenceItem(String type, String title, String fileName, String sha256, String addedBy,
            Instant addedAt) {
    }

    public record Served(String documentTitle, String method, String servedOn, String recipient, String receipt,
            String servedBy, Instant recordedAt) {
    }

    private final JdbcTemplate jdbc;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;

    public CaseRecords(JdbcTemplate jdbc, HistoryService historyService, RepositoryService repositoryService,
            IdentityService identityService) {
        this.jdbc = jdbc;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    /** Every case, and every lead that has not (yet) become a case — including those ended without one. */
    public List<Subject> subjects() {
        Map<String, Set<String>> byCase = instancesNaming("caseNumber");
        Map<String, Set<String>> byLead = instancesNaming("leadNumber");
        List<Subject> subjects = new ArrayList<>(jdbc.query("""
                SELECT process_instance_id, case_number, lead_number, organisation_code, party_name, status, filed_at
                FROM case_file""", (rs, i) -> new Subject(rs.getString(1),
                instances(rs.getString(1), byCase.get(rs.getString(2)), byLead.get(rs.getString(3))), "case",
                rs.getString(2), rs.getString(3), rs.getString(2), rs.getString(4), rs.getString(5), rs.getString(6),
                caseStatusName(rs.getString(6)), instant(rs.getTimestamp(7)))));
        // a lead that became a case is part of that case's record; the others stand on their own
        subjects.addAll(jdbc.query("""
                SELECT l.process_instance_id, l.lead_number, l.organisation_code, l.party_name, l.status, l.registered_at
                FROM case_lead l WHERE l.lead_number IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.lead_number = l.lead_number)""",
                (rs, i) -> new Subject(rs.getString(1), instances(rs.getString(1), byLead.get(rs.getString(2)), null),
                        "lead", rs.getString(2), rs.getString(2), null, rs.getString(3), rs.getString(4),
                        rs.getString(5), leadStatusName(rs.getString(5)), instant(rs.getTimestamp(6)))));
        return subjects;
    }

    private Map<String, Set<String>> instancesNaming(String variable) {
        Map<String, Set<String>> instances = new HashMap<>();
        for (HistoricVariableInstance named : asSystem(() -> historyService.createHistoricVariableInstanceQuery()
                .variableName(variable).list())) {
            if (named.getValue() != null && named.getProcessInstanceId() != null) {
                instances.computeIfAbsent(named.getValue().toString(), k -> new java.util.HashSet<>())
                        .add(named.getProcessInstanceId());
            }
        }
        return instances;
    }

    private static Set<String> instances(String own, Set<String> some, Set<String> others) {
        Set<String> all = new java.util.LinkedHashSet<>();
        if (own != null) {
            all.add(own);
        }
        if (some != null) {
            all.addAll(some);
        }
        if (others != null) {
            all.addAll(others);
        }
        return all;
    }

    public Optional<Subject> subject(String reference) {
        return subjects().stream()
                .filter(s -> s.reference().equals(reference) || s.leadNumber().equals(reference)).findFirst();
    }

    /** The Chinese names of the organisations, by code. */
    public Map<String, String> organisationNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("SELECT code, name FROM organisation ORDER BY code", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }

    /** The names of the violations of the catalogue (domain.md §4.2), by code. */
    public Map<String, String> violationNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT code, name FROM violation", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }

    /** Every user task of the given process instances, open or done. */
    public List<DueTask> tasks(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        // the history query has no "process instance in": read all and keep those asked for (a task outside any
        // process, as Tasklist and /engine-rest may create one, has none)
        Set<String> wanted = Set.copyOf(processInstanceIds);
        List<HistoricTaskInstance> tasks = asSystem(() -> historyService.createHistoricTaskInstanceQuery().list());
        return tasks.stream().filter(t -> t.getProcessInstanceId() != null && wanted.contains(t.getProcessInstanceId()))
                .map(t -> new DueTask(t.getProcessInstanceId(), t.getTaskDefinitionKey(), t.getName(),
                        t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getStartTime().toInstant(),
                        t.getEndTime() == null ? null : t.getEndTime().toInstant()))
                .toList();
    }

    /** The last value of each named process variable, per process instance. */
    public Map<String, Map<String, Object>> variables(Collection<String> processInstanceIds, String... names) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return values;
        }
        List<HistoricVariableInstance> variables = asSystem(() -> historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).variableNameIn(names)
                .disableCustomObjectDeserialization().list());
        for (HistoricVariableInstance variable : variables) {
            if (variable.getValue() != null) {
                values.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        return values;
    }

    /** The fine decided in each case, as the fine register (行政处罚法 Art. 29) holds it, by case number. */
    public Map<String, BigDecimal> finesByCase() {
        Map<String, BigDecimal> fines = new HashMap<>();
        jdbc.query("SELECT reference, fine FROM linkage_fine WHERE reference IS NOT NULL",
                rs -> {
                    fines.merge(rs.getString(1), rs.getBigDecimal(2), BigDecimal::add);
                });
        return fines;
    }

    /** The case events of a case (or of a summary-procedure lead, which records under its lead number). */
    public List<Event> caseEvents(String reference) {
        return jdbc.query("SELECT step, actor, note, occurred_at FROM case_event WHERE case_number = ? ORDER BY id",
                (rs, i) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4))),
                reference);
    }

    /** The status changes of a lead, the step being the lead's status. */
    public List<Event> leadEvents(String leadNumber) {
        return jdbc.query("""
                SELECT e.status, e.actor, e.note, e.occurred_at FROM case_lead_event e
                JOIN case_lead l ON l.id = e.lead_id WHERE l.lead_number = ? ORDER BY e.id""",
                (rs, i) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4))),
                leadNumber);
    }

    public List<Document> documents(String caseNumber) {
        return jdbc.query("""
                SELECT title, document_number, file_name, sha256, created_by, created_at FROM case_document
                WHERE case_number = ? ORDER BY id""", (rs, i) -> new Document(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6))), caseNumber);
    }

    public List<EvidenceItem> evidence(String caseNumber) {
        return jdbc.query("""
                SELECT evidence_type, title, file_name, sha256, added_by, added_at FROM evidence
                WHERE case_number = ? ORDER BY id""", (rs, i) -> new EvidenceItem(evidenceTypeName(rs.getString(1)),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6))),
                caseNumber);
    }

    public List<Served> services(String caseNumber) {
        return jdbc.query("""
                SELECT d.title, s.method, s.effective_on, s.recipient, s.receipt, s.served_by, s.recorded_at
                FROM service_record s LEFT JOIN case_document d ON d.id = s.document_id
                WHERE s.case_number = ? ORDER BY s.id""", (rs, i) -> new Served(rs.getString(1),
                methodName(rs.getString(2)), rs.getString(3), rs.getString(4), receiptName(rs.getString(5)),
                rs.getString(6), instant(rs.getTimestamp(7))), caseNumber);
    }

    /**
     * People, not usernames: an officer's name (with certificate number when there is one), else the Camunda
     * user's name, else the id as it was recorded.
     */
    public Map<String, String> officerNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT user_id, display_name FROM officer", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        for (User user : asSystem(() -> identityService.createUserQuery().list())) {
            String name = ((user.getLastName() == null ? "" : user.getLastName())
                    + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
            if (!name.isEmpty()) {
                names.putIfAbsent(user.getId(), name);
            }
        }
        return names;
    }

    /** The Chinese name of every flow element of the latest version of every deployed process, by id. */
    public Map<String, String> stepNames() {
        Map<String, String> names = new HashMap<>();
        List<ProcessDefinition> definitions = asSystem(() -> repositoryService.createProcessDefinitionQuery()
                .latestVersion().list());
        for (ProcessDefinition definition : definitions) {
            BpmnModelInstance model = asSystem(() -> repositoryService.getBpmnModelInstance(definition.getId()));
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                if (element.getName() != null && !element.getName().isBlank()) {
                    names.putIfAbsent(element.getId(), element.getName().replaceAll("\\s+", ""));
                }
            }
        }
        return names;
    }

    /**
     * Supervision reads the whole record for the bodies the caller may supervise (checked by the caller of
     * this class), so the engine's per-user authorization checks are set aside for the query only.
     */
    private <T> T asSystem(java.util.function.Supplier<T> query) {
        return ProcessActors.withoutCaller(identityService, query);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String caseStatusName(String status) {
        try {
            return CaseStatus.valueOf(status).chineseName();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return status;
        }
    }

    private static String leadStatusName(String status) {
        try {
            return LeadStatus.valueOf(status).chineseName();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return status;
        }
    }

    private static String evidenceTypeName(String type) {
        try {
            return org.sanlian.casefile.evidence.EvidenceType.valueOf(type).chineseName();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return type;
        }
    }

    private static String methodName(String method) {
        try {
            return org.sanlian.document.ServiceRecord.Method.valueOf(method).chineseName();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return method;
        }
    }

    private static String receiptName(String receipt) {
        try {
            return org.sanlian.document.ServiceRecord.Receipt.valueOf(receipt).chineseName();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return receipt;
        }
    }
}
