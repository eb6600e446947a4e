package org.sanlian.network;

import org.sanlian.platform.ChinaTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanlian.platform.DeadlineSettings;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.casefile.CaseFile;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.casefile.CaseStatus;
import org.sanlian.casefile.evidence.EvidenceService;
import org.sanlian.lead.Lead;
import org.sanlian.lead.LeadService;
import org.sanlian.lead.LeadStatus;
import org.sanlian.organisation.CaseAccess;
import org.sanlian.organisation.BodyChoices;
import org.sanlian.organisation.EnforcementNetworks;
import org.sanlian.organisation.Organisation;
import org.sanlian.organisation.Role;
import org.sanlian.organisation.Organisations;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.sanlian.deadline.DecisionDeadline;
import org.sanlian.deadline.LegalDeadline;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves leads and cases between the bodies of the city–county network (行政处罚法 Arts. 22–25, domain.md §2.10):
 * 移送管辖 by the holder, a claim of jurisdiction the city team decides (指定管辖), and the city team taking a case
 * up (提级管辖). Every move is recorded on both sides; the subject arrives with its history and evidence.
 */
@Service
@Transactional
public class Transfers {

    static final String PROCESS = "caseTransfer";

    /** The due date of the transfer's open step: 移送接收审查, then 指定管辖 (sanlian.deadlines.jurisdiction-working-days). */
    static final String JURISDICTION_DUE = "jurisdictionDue";

    private final JurisdictionTransferRepository transfers;
    private final Assistance assistance;
    private final LeadService leads;
    private final CaseFiles cases;
    private final EvidenceService evidence;
    private final Organisations organisations;
    private final CaseAccess caseAccess;
    private final EnforcementNetworks networks;
    private final BodyChoices bodies;
    private final RuntimeService runtimeService;
    private final DecisionDeadline decisionDeadline;
    private final WorkingDayDeadlines deadlines;
    private final WorkingDayCalendar calendar;
    private final int verificationWorkingDays;
    private final int jurisdictionWorkingDays;
    private final Clock clock;

    public Transfers(JurisdictionTransferRepository transfers, LeadService leads, CaseFiles cases,
            EvidenceService evidence, Organisations organisations, CaseAccess caseAccess,
            EnforcementNetworks networks, BodyChoices bodies, RuntimeService runtimeService, DecisionDeadline decisionDeadline, WorkingDayDeadlines deadlines,
            WorkingDayCalendar calendar,
            DeadlineSettings deadlineSettings, Assistance assistance,
            Optional<Clock> clock) {
        this.assistance = assistance;
        this.calendar = calendar;
        this.verificationWorkingDays = deadlineSettings.leadVerificationWorkingDays();
        this.jurisdictionWorkingDays = deadlineSettings.jurisdictionWorkingDays();
        this.transfers = transfers;
        this.leads = leads;
        this.cases = cases;
        this.evidence = evidence;
        this.organisations = organisations;
        this.caseAccess = caseAccess;
        this.networks = networks;
        this.bodies = bodies;
        this.runtimeService = runtimeService;
        this.decisionDeadline = decisionDeadline;
        this.deadlines = deadlines;
        this.clock = clock.orElse(Clock.system(ChinaTime.CHINA));
    }

    /** What a body asks for: the kind, the lead or case number, the receiving body (not for a take-up), why. */
    public record Request(String kind, String subjectNumber, String toOrganisation, String reason) {
    }

    private record Subject(JurisdictionTransfer.SubjectKind kind, String number, String holder) {
    }

    public JurisdictionTransfer request(Request input, Caller caller) {
        List<FieldViolation> violations = new ArrayList<>();
        JurisdictionTransfer.Kind kind = null;
        try {
            kind = JurisdictionTransfer.Kind.valueOf(input.kind() == null ? "" : input.kind());
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("kind", "应为 TRANSFER（移送管辖）、CLAIM（报请指定管辖）或 TAKE_UP（提级管辖）"));
        }
        String reason = input.reason() == null ? null : input.reason().strip();
        if (reason == null || reason.isEmpty()) {
            violations.add(new FieldViolation("reason", "必须写明移送、报请或提级的理由"));
        } else if (reason.codePointCount(0, reason.length()) > 2000) {
            violations.add(new FieldViolation("reason", "不能超过 2000 字"));
        }
        // two requests for one subject at once: the second waits here until the first has committed, then finds it
        lockSubject(input.subjectNumber());
        Subject subject = subjectOf(input.subjectNumber(), caller, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (!caller.worksCases()) {
            // a member of the body without a role that works cases (a process analyst) moves none of its leads or cases
            throw new AccessDeniedException(Caller.NOT_A_CASE_WORKER);
        }
        String to = switch (kind) {
            case TRANSFER -> transferTarget(subject, input.toOrganisation(), caller);
            case CLAIM -> claimant(subject, caller);
            case TAKE_UP -> takeUp(subject, caller);
        };
        if (!transfers.findBySubjectNumberAndStatusIn(subject.number(),
                List.of(JurisdictionTransfer.Status.REQUESTED, JurisdictionTransfer.Status.REFUSED)).isEmpty()) {
            throw new InvalidInputException("subjectNumber", "该案源或案件已有未办结的管辖事项");
        }
        JurisdictionTransfer transfer = transfers.save(new JurisdictionTransfer(kind, subject.kind(), subject.number(),
                subject.holder(), to, reason, caller.userId(), Instant.now(clock)));
        transfer.assignNumber("YS", LocalDate.now(clock).getYear());
        Map<String, Object> variables = new HashMap<>();
        variables.put("transferNumber", transfer.getNumber());
        variables.put("transferKind", kind.name());
        variables.put("transferKindName", kind.chineseName());
        variables.put("subjectKind", subject.kind().name());
        variables.put("subjectNumber", subject.number());
        variables.put("fromOrganisation", subject.holder());
        variables.put("fromOrganisationName", leads.nameOf(subject.holder()));
        variables.put("toOrganisation", to);
        variables.put("toOrganisationName", leads.nameOf(to));
        variables.put("targetOrganisation", to);
        variables.put("transferReason", reason);
        // 本单位待办 shows the party as a column (TasklistFilters): the transfers' tasks are told apart by it
        partyOf(subject).ifPresent(party -> variables.put("partyName", party));
        // 指定管辖 is the holder's city team's (行政处罚法 Art. 25), as configured
        variables.put("cityTeam", networks.cityTeamOf(subject.holder()));
        // the receiving head's review (TRANSFER) or the city team's designation (CLAIM) is due in these working days
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.CHINA));
        WorkingDayCalendar.CountedDate due = calendar.addWorkingDays(today, jurisdictionWorkingDays);
        variables.put(JURISDICTION_DUE, WorkingDayDeadlines.endOfDay(due.date()));
        if (due.provisional()) {
            variables.put(JURISDICTION_DUE + "Provisional", true);
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, transfer.getNumber(),
                variables);
        if (kind != JurisdictionTransfer.Kind.TAKE_UP) {
            deadlines.schedule(instance.getId(), "jurisdiction", today, jurisdictionWorkingDays, JURISDICTION_DUE,
                    kind == JurisdictionTransfer.Kind.TRANSFER ? "reviewTransfer" : "designateJurisdiction");
        }
        transfer.startedAs(instance.getId());
        recordOnSubject(transfer, caller.userId(), String.format("%s %s：%s → %s，理由：%s", kind.chineseName(),
                transfer.getNumber(), leads.nameOf(subject.holder()), leads.nameOf(to), reason));
        return transfer;
    }

    /**
     * Where a holder may send a lead or case (行政处罚法 Art. 25): the other enforcement bodies of its city's network,
     * as 立案审批 offers them.
     */
    @Transactional(readOnly = true)
    public List<BodyChoices.Choice> transferTargetsOf(String holder) {
        return bodies.enforcementBodiesOfNetworkOf(holder).stream()
                .filter(body -> !body.value().equals(holder)).toList();
    }

    /** The bodies a caller's enforcement body may send a lead or case to, or ask to assist (管辖与协查 page). */
    @Transactional(readOnly = true)
    public List<BodyChoices.Choice> targetsFor(Caller caller) {
        return caller.groups().stream().sorted()
                .filter(group -> organisations.byCode(group).filter(Organisation::isEnforcementBody).isPresent())
                .findFirst().map(this::transferTargetsOf).orElse(List.of());
    }

    /**
     * The head's 移送有管辖权的机关 at 立案审批, carried out at once: a 移送管辖 of the lead to the body chosen on the
     * form ({@code transferTo}), with the decision's reason. The process enforced who decides (the holder's heads).
     */
    public JurisdictionTransfer requestedAtFiling(String leadNumber, String holder, String transferTo, String reason,
            String actor) {
        if (transferTo == null || transferTo.isBlank() || !BodyChoices.offers(transferTargetsOf(holder), transferTo)) {
            throw new InvalidInputException("transferTo", "移送管辖须选择本市执法网络中另一个有管辖权的执法机构（行政处罚法第二十五条）");
        }
        return request(new Request(JurisdictionTransfer.Kind.TRANSFER.name(), leadNumber, transferTo, reason),
                new Caller(actor == null ? holder : actor, java.util.Set.of(holder, Role.HEAD.groupId()),
                        java.util.Set.of(), false));
    }

    /**
     * What the receiving head and the city team decide on (行政处罚法 Art. 25): the subject's party, vehicle, date,
     * place and facts as its lead records them, and — once the receiver refused — who refused and why. Read when the
     * form is opened.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> subjectFacts(String transferNumber) {
        JurisdictionTransfer transfer = byNumber(transferNumber);
        Lead lead;
        String party;
        if (transfer.getSubjectKind() == JurisdictionTransfer.SubjectKind.LEAD) {
            lead = leads.byNumber(transfer.getSubjectNumber());
            party = lead.getPartyName();
        } else {
            CaseFile caseFile = cases.byNumber(transfer.getSubjectNumber());
            lead = caseFile.getLeadNumber() == null ? null : leads.byNumber(caseFile.getLeadNumber());
            party = caseFile.getPartyName();
        }
        List<String> facts = new ArrayList<>();
        facts.add("当事人 " + (party == null ? "（未载明）" : party));
        if (lead != null) {
            Optional.ofNullable(lead.getPlateNumber()).ifPresent(plate -> facts.add("车牌 " + plate));
            Optional.ofNullable(lead.getOccurredOn()).ifPresent(day -> facts.add("违法行为日期 " + day));
            Optional.ofNullable(lead.getPlace()).ifPresent(place -> facts.add("地点 " + place));
        }
        String text = String.join(" · ", facts) + (lead == null || lead.getSummary() == null ? ""
                : "\n\n案情：" + lead.getSummary());
        String refusal = transfer.getStatus() == JurisdictionTransfer.Status.REFUSED && transfer.getAnswer() != null
                ? leads.nameOf(transfer.getToOrganisation()) + " 拒绝接收，理由：" + transfer.getAnswer() : "";
        Map<String, Object> shown = new HashMap<>();
        shown.put("transferSubjectText", text);
        shown.put("transferRefusalText", refusal);
        return shown;
    }

    /**
     * A refused transfer goes to the city team, whose 指定管辖 is due in the same number of working days from the
     * refusal; the review's deadline is closed. Writes the due date the designation reads into {@code scope}.
     */
    public void designationDue(String processInstanceId, org.camunda.bpm.engine.delegate.VariableScope scope) {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.CHINA));
        deadlines.schedule(processInstanceId, "jurisdiction", today, jurisdictionWorkingDays, JURISDICTION_DUE,
                "designateJurisdiction").writeTo(scope);
    }

    /** Both sides and the city team read the transfer's instance; called by the process when it starts. */
    public void openInstance(String processInstanceId, String from, String to) {
        caseAccess.openTo(processInstanceId, from);
        caseAccess.openTo(processInstanceId, to);
        String cityTeam = networks.cityTeamOf(from);
        if (!cityTeam.equals(from) && !cityTeam.equals(to)) {
            caseAccess.openTo(processInstanceId, cityTeam);
        }
    }

    /** 接收审查: the receiving body accepts the transfer, or refuses it with a reason (then the city team designates). */
    public boolean reviewed(String transferNumber, String decision, String comment, String actor) {
        JurisdictionTransfer transfer = byNumber(transferNumber);
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (!"accept".equals(decision) && !"refuse".equals(decision)) {
            throw new InvalidInputException("transferDecision", "须选择接收或拒绝接收");
        }
        if ("refuse".equals(decision)) {
            if (note == null) {
                throw new InvalidInputException("reviewComment", "拒绝接收须写明理由");
            }
            transfer.answered(JurisdictionTransfer.Status.REFUSED, actor, Instant.now(clock), note);
            recordOnSubject(transfer, actor, String.format("%s 拒绝接收 %s，理由：%s；报请市执法队指定管辖",
                    leads.nameOf(transfer.getToOrganisation()), transferNumber, note));
            return false;
        }
        transfer.answered(JurisdictionTransfer.Status.REQUESTED, actor, Instant.now(clock), note);
        deadlines.close(transfer.getProcessInstanceId(), "jurisdiction");
        return true;
    }

    /**
     * The bodies the city team may designate (Art. 25: the common superior designates among the bodies under it): the
     * enforcement bodies of the network of the body that holds the subject.
     */
    @Transactional(readOnly = true)
    public List<BodyChoices.Choice> designatable(String transferNumber) {
        return bodies.enforcementBodiesOfCity(networks.cityTeamOf(byNumber(transferNumber).getFromOrganisation()));
    }

    /** 指定管辖 by the city team (Art. 25); returns whether the holder keeps the subject. */
    public boolean designated(String transferNumber, String designatedOrganisation, String reason, String actor) {
        JurisdictionTransfer transfer = byNumber(transferNumber);
        List<FieldViolation> violations = new ArrayList<>();
        Optional<Organisation> designated =
                organisations.byCode(designatedOrganisation).filter(Organisation::isEnforcementBody);
        if (designated.isEmpty()) {
            violations.add(new FieldViolation("designatedOrganisation", "须指定一个执法机构"));
        } else if (!BodyChoices.offers(designatable(transferNumber), designatedOrganisation)) {
            violations.add(new FieldViolation("designatedOrganisation",
                    "只能指定本市执法网络中的执法机构（行政处罚法第二十五条）：" + designatedOrganisation));
        }
        if (reason == null || reason.isBlank()) {
            violations.add(new FieldViolation("designationReason", "指定管辖须写明理由"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        boolean keeps = designatedOrganisation.equals(transfer.getFromOrganisation());
        deadlines.close(transfer.getProcessInstanceId(), "jurisdiction");
        String note = String.format("市执法队指定由 %s 管辖，理由：%s", designated.get().getName(), reason.strip());
        transfer.answered(transfer.getStatus(), actor, Instant.now(clock), note);
        if (keeps) {
            transfer.kept();
            recordOnSubject(transfer, actor, transfer.getNumber() + " " + note + "（由原机关继续办理）");
            resumeKeptLead(transfer, actor);
        }
        return keeps;
    }

    /**
     * Moves the subject to {@code target}: a lead goes on in its leadIntake instance at 案源核查 for the receiving
     * body; a case is filed by the receiver under its own number with the sender's history and evidence and goes on
     * in a new generalProcedure, while the sender's case ends as transferred.
     */
    public JurisdictionTransfer complete(String transferNumber, String target, String actor) {
        JurisdictionTransfer transfer = byNumber(transferNumber);
        String from = transfer.getFromOrganisation();
        String note = transfer.getKind().chineseName() + " " + transferNumber + "：" + transfer.getReason();
        if (transfer.getSubjectKind() == JurisdictionTransfer.SubjectKind.LEAD) {
            Lead lead = leads.byNumber(transfer.getSubjectNumber());
            if (!from.equals(lead.getOrganisationCode())) {
                // it moved meanwhile (designated elsewhere): only its holder's transfer can move it
                throw new InvalidInputException("transferDecision", "案源已由" + leads.nameOf(lead.getOrganisationCode())
                        + "管辖，" + transferNumber + " 不能再移交");
            }
            String instanceId = lead.getProcessInstanceId();
            if (instanceId != null
                    && runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
                var modification = runtimeService.createProcessInstanceModification(instanceId);
                for (String activity : runtimeService.getActiveActivityIds(instanceId)) {
                    modification = modification.cancelAllForActivity(activity);
                }
                modification.startBeforeActivity("verifyLead").setVariable("organisationCode", target).execute();
                caseAccess.closeTo(instanceId, from);
            } else {
                instanceId = resumeIntake(lead, target);
            }
            caseAccess.openTo(instanceId, target);
            leads.handOver(lead.getLeadNumber(), target, instanceId, actor, note);
            transfer.completed(target, lead.getLeadNumber());
            return transfer;
        }
        CaseFile sent = cases.byNumber(transfer.getSubjectNumber());
        assistance.endForTransfer(sent.getCaseNumber(), leads.nameOf(target), actor);
        CaseFile received = cases.transfer(sent.getCaseNumber(), target, leads.nameOf(target), actor, note);
        evidence.copyAll(sent.getCaseNumber(), received.getCaseNumber());
        for (ProcessInstance procedure : runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("generalProcedure").processInstanceBusinessKey(sent.getCaseNumber()).list()) {
            for (LegalDeadline deadline : deadlines.of(procedure.getId())) {
                if (deadline.isActive()) {
                    deadlines.close(procedure.getId(), deadline.getKind());
                }
            }
            runtimeService.deleteProcessInstance(procedure.getId(),
                    "移送管辖至" + leads.nameOf(target) + "，接收案号 " + received.getCaseNumber(), true, true);
        }
        Map<String, Object> variables = new HashMap<>(decisionDeadline.startingFrom(LocalDate.now(clock)));
        variables.put("caseNumber", received.getCaseNumber());
        variables.put("leadNumber", received.getLeadNumber());
        variables.put("organisationCode", target);
        variables.put("partyName", received.getPartyName());
        variables.put("transferredFrom", sent.getCaseNumber());
        variables.putAll(networks.caseGroupsOf(target));
        ProcessInstance procedure = runtimeService.startProcessInstanceByKey("generalProcedure",
                received.getCaseNumber(), variables);
        caseAccess.openTo(procedure.getId(), target);
        cases.attachProcess(received.getCaseNumber(), transfer.getProcessInstanceId());
        leads.handOver(received.getLeadNumber(), target, leads.byNumber(received.getLeadNumber()).getProcessInstanceId(),
                actor, note + "（案件 " + sent.getCaseNumber() + " → " + received.getCaseNumber() + "）");
        transfer.completed(target, received.getCaseNumber());
        return transfer;
    }

    /**
     * A lead whose head decided 移送管辖 at 立案审批 has left leadIntake; the receiver's verification starts in a new
     * leadIntake instance at 案源核查, with its own verification period.
     */
    private String resumeIntake(Lead lead, String target) {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.CHINA));
        WorkingDayCalendar.CountedDate due = calendar.addWorkingDays(today, verificationWorkingDays);
        // the lead's facts as registered, which 案源核查 and 立案审批 show (found in Chromium: a lead designated back
        // came with no 案情摘要, plate or place, and the city head as its registrant)
        ProcessInstance resumed = runtimeService.createProcessInstanceByKey("leadIntake")
                .businessKey(lead.getLeadNumber())
                .setVariable("leadNumber", lead.getLeadNumber())
                .setVariable("organisationCode", target)
                .setVariable("partyName", lead.getPartyName())
                .setVariable("source", lead.getSource().name())
                .setVariable("summary", lead.getSummary())
                .setVariable("plateNumber", lead.getPlateNumber())
                .setVariable("partyIdNumber", lead.getPartyIdNumber())
                .setVariable("place", lead.getPlace())
                .setVariable("areaCode", lead.getAreaCode())
                .setVariable("occurredOn", lead.getOccurredOn() == null ? null : lead.getOccurredOn().toString())
                .setVariable("registrant", lead.getRegisteredBy())
                .setVariable("duplicateRegistration", false)
                .setVariable("verificationDue", WorkingDayDeadlines.endOfDay(due.date()))
                .setVariable("verificationDueProvisional", due.provisional())
                .startBeforeActivity("verifyLead")
                .execute();
        deadlines.schedule(resumed.getId(), "leadVerification", today, verificationWorkingDays, "verificationDue",
                "verifyLead");
        return resumed.getId();
    }

    /**
     * A lead its head decided to send away at 立案审批 has left leadIntake; designated back to its holder, it is
     * verified there again in a new leadIntake instance at 案源核查 (a lead still in its intake simply goes on).
     */
    private void resumeKeptLead(JurisdictionTransfer transfer, String actor) {
        if (transfer.getSubjectKind() != JurisdictionTransfer.SubjectKind.LEAD) {
            return;
        }
        Lead lead = leads.byNumber(transfer.getSubjectNumber());
        if (lead.getStatus() != LeadStatus.TRANSFERRED) {
            return;
        }
        String instanceId = resumeIntake(lead, transfer.getFromOrganisation());
        caseAccess.openTo(instanceId, transfer.getFromOrganisation());
        leads.resumed(lead.getLeadNumber(), instanceId, actor,
                transfer.getNumber() + " 指定由原机关管辖，重新进行案源核查");
    }

    @Transactional(readOnly = true)
    public JurisdictionTransfer byNumber(String transferNumber) {
        return transfers.findByNumber(transferNumber)
                .orElseThrow(() -> new NotFoundException("transfer", transferNumber));
    }

    /** The transfer as {@code caller} may read it; one it may not read is answered as if it did not exist. */
    @Transactional(readOnly = true)
    public JurisdictionTransfer byNumber(String transferNumber, Caller caller) {
        return transfers.findByNumber(transferNumber).filter(transfer -> sees(transfer, caller))
                .orElseThrow(() -> new NotFoundException("transfer", transferNumber));
    }

    /** The transfers a body sent or received; a city team sees those of its network, the supervisors all. */
    @Transactional(readOnly = true)
    public List<JurisdictionTransfer> visibleTo(Caller caller) {
        if (caller.seesAll()) {
            return transfers.findAllByOrderByIdDesc();
        }
        if (!caller.supervised().isEmpty() || networks.cities().keySet().stream().anyMatch(caller::belongsTo)) {
            return transfers.findAllByOrderByIdDesc().stream().filter(transfer -> sees(transfer, caller)).toList();
        }
        return transfers.findByFromOrganisationInOrToOrganisationInOrderByIdDesc(caller.groups(), caller.groups());
    }

    private boolean sees(JurisdictionTransfer transfer, Caller caller) {
        return caller.reads(transfer.getFromOrganisation()) || caller.reads(transfer.getToOrganisation())
                || caller.belongsTo(networks.cityTeamOf(transfer.getFromOrganisation()));
    }

    private Optional<String> partyOf(Subject subject) {
        return Optional.ofNullable(subject.kind() == JurisdictionTransfer.SubjectKind.LEAD
                ? leads.byNumber(subject.number()).getPartyName() : cases.byNumber(subject.number()).getPartyName());
    }

    private void lockSubject(String number) {
        if (number != null && !number.isBlank()) {
            String subject = number.strip();
            if (subject.startsWith("XS")) {
                leads.lockedByNumber(subject);
            } else {
                cases.lockedByNumber(subject);
            }
        }
    }

    /**
     * The lead or case the request is about, as far as the caller has a part in it: to a body that neither holds it,
     * nor registered the act, nor heads the holder's city team, it is answered as if it did not exist — its status
     * is not theirs to learn.
     */
    private Subject subjectOf(String number, Caller caller, List<FieldViolation> violations) {
        if (number == null || number.isBlank()) {
            violations.add(new FieldViolation("subjectNumber", "必须写明案源编号或案号"));
            return null;
        }
        String subject = number.strip();
        try {
            if (subject.startsWith("XS")) {
                Lead lead = leads.byNumber(subject);
                if (!hasAPartIn(caller, lead.getOrganisationCode(), lead)) {
                    throw new NotFoundException("lead", subject);
                }
                if (lead.getStatus() != LeadStatus.REGISTERED && lead.getStatus() != LeadStatus.VERIFIED
                        && lead.getStatus() != LeadStatus.TRANSFERRED) {
                    violations.add(new FieldViolation("subjectNumber",
                            "案源" + lead.getStatus().chineseName() + "，已立案的请移送案件"));
                    return null;
                }
                return new Subject(JurisdictionTransfer.SubjectKind.LEAD, subject, lead.getOrganisationCode());
            }
            CaseFile caseFile = cases.byNumber(subject);
            Lead lead = caseFile.getLeadNumber() == null ? null : leads.byNumber(caseFile.getLeadNumber());
            if (!hasAPartIn(caller, caseFile.getOrganisationCode(), lead)) {
                throw new NotFoundException("case", subject);
            }
            if (caseFile.getStatus() != CaseStatus.FILED) {
                violations.add(new FieldViolation("subjectNumber", "案件" + caseFile.getStatus().chineseName()
                        + "，不能再移送"));
                return null;
            }
            return new Subject(JurisdictionTransfer.SubjectKind.CASE, subject, caseFile.getOrganisationCode());
        } catch (NotFoundException e) {
            violations.add(new FieldViolation("subjectNumber", "没有这个案源或案件: " + subject));
            return null;
        }
    }

    /** Its holder, a body that registered the same act (报请指定管辖), the head of the holder's city team (提级管辖). */
    private boolean hasAPartIn(Caller caller, String holder, Lead lead) {
        return caller.reads(holder)
                || networks.findCityTeamOf(holder).filter(caller::isHeadOf).isPresent()
                || lead != null && leads.registrationsOf(lead).stream()
                        .anyMatch(registration -> caller.belongsTo(registration.getOrganisationCode()));
    }

    private String transferTarget(Subject subject, String toOrganisation, Caller caller) {
        if (!caller.belongsTo(subject.holder())) {
            throw new InvalidInputException("subjectNumber", "只有持有该案源或案件的机构才能移送");
        }
        // Art. 25: within the holder's city network, whose city team designates if the receiver refuses
        if (!BodyChoices.offers(transferTargetsOf(subject.holder()), toOrganisation)) {
            throw new InvalidInputException("toOrganisation", "须选择本执法网络中另一个执法机构");
        }
        return toOrganisation;
    }

    /** A body that registered the same act asks the city team to decide who handles it. */
    private String claimant(Subject subject, Caller caller) {
        String leadNumber = subject.kind() == JurisdictionTransfer.SubjectKind.LEAD ? subject.number()
                : cases.byNumber(subject.number()).getLeadNumber();
        Lead lead = leads.byNumber(leadNumber);
        return leads.registrationsOf(lead).stream()
                .map(r -> r.getOrganisationCode())
                .filter(code -> !code.equals(subject.holder()) && caller.belongsTo(code))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("subjectNumber",
                        "只有也登记了该违法行为的其他机构才能报请指定管辖"));
    }

    private String takeUp(Subject subject, Caller caller) {
        String cityTeam = networks.cityTeamOf(subject.holder());
        if (!caller.isHeadOf(cityTeam)) {
            throw new InvalidInputException("kind", "提级管辖由市执法队负责人决定");
        }
        if (cityTeam.equals(subject.holder())) {
            throw new InvalidInputException("subjectNumber", "该案件已由市执法队办理");
        }
        return cityTeam;
    }

    private void recordOnSubject(JurisdictionTransfer transfer, String actor, String note) {
        if (transfer.getSubjectKind() == JurisdictionTransfer.SubjectKind.LEAD) {
            leads.recordJurisdictionStep(transfer.getSubjectNumber(), actor, note);
        } else {
            cases.record(transfer.getSubjectNumber(), "jurisdiction", actor, note);
        }
    }
}
