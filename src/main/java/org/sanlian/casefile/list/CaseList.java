package org.sanlian.casefile.list;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.sanlian.platform.ProcessActors;
import org.camunda.bpm.engine.task.Task;
import org.sanlian.casefile.CaseFile;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.casefile.party.CaseParties;
import org.sanlian.casefile.procedure.CaseOfficer;
import org.sanlian.casefile.procedure.ProcedureFacts;
import org.sanlian.lead.Lead;
import org.sanlian.lead.LeadService;
import org.sanlian.organisation.Officers;
import org.sanlian.platform.identifiers.ChineseIdentifiers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 本单位案件 / 我的案件 (issue 13): every case of the bodies the user sees, with its stage, party, plates, the next
 * deadline of its open steps and who works it, searchable by party, plate, case number and lead number. Which
 * bodies a user sees is decided by the caller (the API's {@code Visibility}); nothing here widens it.
 */
@Service
@Transactional(readOnly = true)
class CaseList {

    /** One case as the list shows it; {@code mine} when the user investigates, presides, filed it or holds a step. */
    public record Row(String caseNumber, String leadNumber, String organisationCode, String partyName,
            List<String> plates, String statusName, List<String> openSteps, Instant nextDue, String nextDueStep,
            List<String> officers, boolean mine) {
    }

    private final CaseFiles caseFiles;
    private final CaseParties parties;
    private final ProcedureFacts procedure;
    private final LeadService leads;
    private final Officers officers;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    CaseList(CaseFiles caseFiles, CaseParties parties, ProcedureFacts procedure, LeadService leads,
            Officers officers, TaskService taskService, RuntimeService runtimeService,
            IdentityService identityService) {
        this.caseFiles = caseFiles;
        this.parties = parties;
        this.procedure = procedure;
        this.leads = leads;
        this.officers = officers;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /** At most this many cases are listed (newest first): a year's cases are 10^5–10^6 rows (issue 16). */
    public static final int MAX_ROWS = 200;

    /**
     * The cases of the bodies, newest first, at most {@code limit}, whose case number, lead number, party or a plate
     * starts with {@code query} (blank: the newest); only the user's own when {@code onlyMine}. The search reads
     * indexes only (V91, V270), so it stays fast with a year's cases.
     */
    public List<Row> of(Collection<String> organisationCodes, boolean seesAll, String userId, String query,
            boolean onlyMine, int limit) {
        String wanted = query == null || query.isBlank() ? null : ChineseIdentifiers.normalise(query.strip())
                .toUpperCase(Locale.ROOT);
        int max = Math.max(1, Math.min(limit, MAX_ROWS));
        List<String> leadsWithPlate = wanted == null ? List.of()
                : leads.numbersWithPlate(CaseFiles.likePrefix(wanted), MAX_ROWS);
        // 我的案件: the user's own cases are found first (before any limit), then searched
        List<CaseFile> cases = onlyMine ? caseFiles.among(own(userId), organisationCodes, seesAll)
                : caseFiles.listed(wanted, leadsWithPlate, organisationCodes, seesAll, max);
        if (cases.isEmpty()) {
            return List.of();
        }
        Map<String, List<Task>> openTasks = asSystem(() -> openTasksByCase(cases));
        List<String> numbers = cases.stream().map(CaseFile::getCaseNumber).toList();
        Map<String, Lead> leadsByNumber = leads.findByNumbers(cases.stream().map(CaseFile::getLeadNumber)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Lead::getLeadNumber, l -> l, (a, b) -> a));
        Map<String, List<String>> plates = parties.plates(numbers);
        Map<String, List<CaseOfficer>> officersByCase = procedure.officers(numbers).stream()
                .collect(Collectors.groupingBy(CaseOfficer::getCaseNumber));
        return cases.stream()
                .map(c -> row(c, openTasks.getOrDefault(c.getCaseNumber(), List.of()), userId,
                        leadsByNumber.get(c.getLeadNumber()), plates.getOrDefault(c.getCaseNumber(), List.of()),
                        officersByCase.getOrDefault(c.getCaseNumber(), List.of())))
                .filter(row -> !onlyMine || row.mine())
                .filter(row -> !onlyMine || wanted == null || startsWith(row, wanted))
                .limit(max)
                .toList();
    }

    private Row row(CaseFile caseFile, List<Task> tasks, String userId, Lead lead, List<String> recordedPlates,
            List<CaseOfficer> caseOfficers) {
        String caseNumber = caseFile.getCaseNumber();
        Set<String> plates = new LinkedHashSet<>();
        if (lead != null && lead.getPlateNumber() != null && !lead.getPlateNumber().isBlank()) {
            plates.add(ChineseIdentifiers.normalise(lead.getPlateNumber()));
        }
        plates.addAll(recordedPlates);
        List<String> investigators = ofRole(caseOfficers, CaseOfficer.Role.INVESTIGATOR);
        List<String> presiders = ofRole(caseOfficers, CaseOfficer.Role.PRESIDER);
        Task next = tasks.stream().filter(t -> t.getDueDate() != null)
                .min(Comparator.comparing(Task::getDueDate)).orElse(null);
        boolean mine = userId != null && (userId.equals(caseFile.getFiledBy()) || investigators.contains(userId)
                || presiders.contains(userId) || tasks.stream().anyMatch(t -> userId.equals(t.getAssignee())));
        return new Row(caseNumber, caseFile.getLeadNumber(), caseFile.getOrganisationCode(), caseFile.getPartyName(),
                List.copyOf(plates), caseFile.getStatus().chineseName(),
                tasks.stream().map(Task::getName).distinct().toList(),
                next == null ? null : next.getDueDate().toInstant(), next == null ? null : next.getName(),
                investigators.stream().map(officers::name).toList(), mine);
    }

    /**
     * The case numbers that are the user's own (我的案件), read before any limit so an older case of theirs is not cut
     * off by newer cases of the body: cases they filed, investigate or preside, and cases with a step assigned to
     * them.
     */
    private Set<String> own(String userId) {
        if (userId == null) {
            return Set.of();
        }
        Set<String> own = new LinkedHashSet<>(caseFiles.numbersFiledBy(userId));
        own.addAll(procedure.caseNumbersOfOfficer(userId));
        List<Task> assigned = asSystem(() -> taskService.createTaskQuery().taskAssignee(userId).active().list());
        if (!assigned.isEmpty()) {
            asSystem(() -> runtimeService.createProcessInstanceQuery()
                    .processInstanceIds(assigned.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                    .list()).stream().map(ProcessInstance::getBusinessKey).filter(java.util.Objects::nonNull)
                    .forEach(own::add);
        }
        return own;
    }

    /** The search of {@link CaseFiles#listed}, on one of the user's own cases: a field starts with {@code wanted}. */
    private static boolean startsWith(Row row, String wanted) {
        return Stream.concat(Stream.of(row.caseNumber(), row.leadNumber(), row.partyName()), row.plates().stream())
                .anyMatch(value -> value != null && value.toUpperCase(Locale.ROOT).startsWith(wanted));
    }

    private static List<String> ofRole(List<CaseOfficer> caseOfficers, CaseOfficer.Role role) {
        return caseOfficers.stream().filter(o -> o.getRole() == role).map(CaseOfficer::getUserId).toList();
    }

    /** The open steps of the cases, by case number: the procedures' business key is the case number. */
    private Map<String, List<Task>> openTasksByCase(List<CaseFile> cases) {
        List<Task> tasks = taskService.createTaskQuery()
                .processInstanceBusinessKeyIn(cases.stream().map(CaseFile::getCaseNumber).toArray(String[]::new))
                .active().list();
        if (tasks.isEmpty()) {
            return Map.of();
        }
        Map<String, String> caseOfInstance = runtimeService.createProcessInstanceQuery()
                .processInstanceIds(tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                .list().stream().collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return tasks.stream().filter(t -> caseOfInstance.containsKey(t.getProcessInstanceId()))
                .collect(Collectors.groupingBy(t -> caseOfInstance.get(t.getProcessInstanceId())));
    }

    /**
     * The cases are already limited to the bodies the caller sees (checked by the caller of this class); the
     * engine's per-user task permissions are set aside for reading their open steps only.
     */
    private <T> T asSystem(Supplier<T> query) {
        return ProcessActors.withoutCaller(identityService, query);
    }
}
