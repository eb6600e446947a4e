package org.sanlian.network;

import org.sanlian.platform.ChinaTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumSet;
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
import org.sanlian.casefile.evidence.Evidence;
import org.sanlian.casefile.evidence.EvidenceService;
import org.sanlian.lead.LeadService;
import org.sanlian.organisation.BodyChoices;
import org.sanlian.organisation.CaseAccess;
import org.sanlian.organisation.Organisation;
import org.sanlian.organisation.Organisations;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.sanlian.platform.ChinaTime;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 协查 (行政处罚法 Art. 26: a body asked for assistance within its powers shall assist): the body holding a case asks
 * another body of the network; the request has its own deadline (sanlian.deadlines.assistance-working-days, default
 * 15 working days — no transport figure exists, the market-regulation analogue, domain.md §2.3, L); the reply and
 * the evidence the assisting body collects land in the requesting case.
 */
@Service
@Transactional
public class Assistance {

    static final String PROCESS = "assistanceRequest";

    private final AssistanceRequestRepository requests;
    private final CaseFiles cases;
    private final EvidenceService evidence;
    private final Organisations organisations;
    private final BodyChoices bodies;
    private final LeadService leads;
    private final CaseAccess caseAccess;
    private final RuntimeService runtimeService;
    private final WorkingDayCalendar calendar;
    private final int workingDays;
    private final Clock clock;

    public Assistance(AssistanceRequestRepository requests, CaseFiles cases, EvidenceService evidence,
            Organisations organisations, BodyChoices bodies, LeadService leads, CaseAccess caseAccess,
            RuntimeService runtimeService, WorkingDayCalendar calendar,
            DeadlineSettings deadlineSettings, Optional<Clock> clock) {
        this.requests = requests;
        this.cases = cases;
        this.evidence = evidence;
        this.organisations = organisations;
        this.bodies = bodies;
        this.leads = leads;
        this.caseAccess = caseAccess;
        this.runtimeService = runtimeService;
        this.calendar = calendar;
        this.workingDays = deadlineSettings.assistanceWorkingDays();
        this.clock = clock.orElse(Clock.system(ChinaTime.CHINA));
    }

    public record Request(String caseNumber, String assistingOrganisation, String matters) {
    }

    public AssistanceRequest request(Request input, Caller caller) {
        List<FieldViolation> violations = new ArrayList<>();
        CaseFile caseFile = null;
        try {
            caseFile = input.caseNumber() == null ? null : cases.byNumber(input.caseNumber());
        } catch (NotFoundException e) {
            caseFile = null;
        }
        if (caseFile == null || !caller.belongsTo(caseFile.getOrganisationCode())) {
            violations.add(new FieldViolation("caseNumber", "须是本单位正在办理的案件"));
        } else if (!caller.worksCases()) {
            throw new AccessDeniedException(Caller.NOT_A_CASE_WORKER);
        } else if (caseFile.getStatus() != CaseStatus.FILED) {
            violations.add(new FieldViolation("caseNumber", "案件" + caseFile.getStatus().chineseName()
                    + "，不能再发出协查：协查在立案后、作出决定前的调查中请求（《行政处罚法》第二十六条）"));
        }
        // the network's other enforcement bodies, as /api/network/bodies offers them: not a body of another city
        Optional<Organisation> assisting =
                organisations.byCode(input.assistingOrganisation()).filter(Organisation::isEnforcementBody);
        if (assisting.isEmpty() || caseFile != null
                && (assisting.get().getCode().equals(caseFile.getOrganisationCode()) || !BodyChoices.offers(
                        bodies.enforcementBodiesOfNetworkOf(caseFile.getOrganisationCode()), assisting.get().getCode()))) {
            violations.add(new FieldViolation("assistingOrganisation", "须选择本执法网络中另一个执法机构"));
        }
        String matters = input.matters() == null ? null : input.matters().strip();
        if (matters == null || matters.isEmpty() || matters.codePointCount(0, matters.length()) > 2000) {
            violations.add(new FieldViolation("matters", "协查事项必填，不超过 2000 字"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.CHINA));
        WorkingDayCalendar.CountedDate due = calendar.addWorkingDays(today, workingDays);
        AssistanceRequest request = requests.save(new AssistanceRequest(caseFile.getCaseNumber(),
                caseFile.getOrganisationCode(), assisting.get().getCode(), matters, caller.userId(),
                Instant.now(clock), due.date(), due.provisional()));
        request.assignNumber("XC", today.getYear());
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestNumber", request.getNumber());
        variables.put("caseNumber", request.getCaseNumber());
        variables.put("requestingOrganisation", request.getRequestingOrganisation());
        variables.put("requestingOrganisationName", leads.nameOf(request.getRequestingOrganisation()));
        variables.put("assistingOrganisation", request.getAssistingOrganisation());
        variables.put("assistingOrganisationName", assisting.get().getName());
        variables.put("matters", matters);
        variables.put("assistanceDue", WorkingDayDeadlines.endOfDay(due.date()));
        variables.put("assistanceDueProvisional", due.provisional());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, request.getNumber(),
                variables);
        request.startedAs(instance.getId());
        cases.record(request.getCaseNumber(), "assistanceRequested", caller.userId(), String.format(
                "向 %s 发出协查 %s，期限至 %s：%s", assisting.get().getName(), request.getNumber(), due.date(),
                matters));
        return request;
    }

    /** Both bodies read the request's instance; called by the process when it starts. */
    public void openInstance(String processInstanceId, String requesting, String assisting) {
        caseAccess.openTo(processInstanceId, requesting);
        caseAccess.openTo(processInstanceId, assisting);
    }

    /** 协查办理: the assisting body replies, or refuses with its reason (e.g. outside its powers, Art. 26). */
    public boolean answered(String requestNumber, String outcome, String reply, String actor) {
        AssistanceRequest request = byNumber(requestNumber);
        if (!"reply".equals(outcome) && !"refuse".equals(outcome)) {
            throw new InvalidInputException("assistanceOutcome", "须选择回复协查结果或拒绝协查");
        }
        String text = reply == null || reply.isBlank() ? null : reply.strip();
        if (text == null) {
            throw new InvalidInputException("assistanceReply",
                    "reply".equals(outcome) ? "须写明协查结果" : "拒绝协查须写明理由");
        }
        boolean replied = "reply".equals(outcome);
        request.answered(replied ? AssistanceRequest.Status.REPLIED : AssistanceRequest.Status.REFUSED, actor,
                Instant.now(clock), text);
        cases.record(request.getCaseNumber(), replied ? "assistanceReplied" : "assistanceRefused", actor,
                String.format("%s %s协查 %s：%s", leads.nameOf(request.getAssistingOrganisation()),
                        replied ? "回复" : "拒绝", requestNumber, text));
        return replied;
    }

    /** The requesting body has read the reply (协查结果签收). */
    public void received(String requestNumber, String note, String actor) {
        AssistanceRequest request = byNumber(requestNumber);
        request.received();
        cases.record(request.getCaseNumber(), "assistanceReceived", actor,
                "签收协查 " + requestNumber + " 的结果" + (note == null || note.isBlank() ? "" : "：" + note.strip()));
    }

    /**
     * 移送管辖: the sending body no longer holds the case, so what it asked of others ends with it. A request still
     * unanswered is withdrawn (the assisting body's 协查办理 task goes, and no evidence reaches the sent case any
     * more, 一案一卷); an answer not yet signed for keeps its status, the 签收 task goes — the answer is already in the
     * case's record, which the receiving body gets. Called before the sent case is closed as transferred.
     */
    public void endForTransfer(String caseNumber, String receiverName, String actor) {
        for (AssistanceRequest request : requests.findByCaseNumberAndStatusIn(caseNumber, EnumSet.of(
                AssistanceRequest.Status.OPEN, AssistanceRequest.Status.REPLIED, AssistanceRequest.Status.REFUSED))) {
            String instanceId = request.getProcessInstanceId();
            if (instanceId != null
                    && runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
                runtimeService.deleteProcessInstance(instanceId, "案件移送管辖至" + receiverName + "，协查随之结束",
                        true, true);
            }
            if (request.getStatus() == AssistanceRequest.Status.OPEN) {
                request.moveTo(AssistanceRequest.Status.WITHDRAWN);
                cases.record(caseNumber, "assistanceWithdrawn", actor, String.format("案件移送管辖至%s，撤回向 %s 发出的协查 %s",
                        receiverName, leads.nameOf(request.getAssistingOrganisation()), request.getNumber()));
            }
        }
    }

    /** The deadline passed without a reply: the requesting case records it; the assisting task stays open. */
    public void overdue(String requestNumber) {
        AssistanceRequest request = byNumber(requestNumber);
        cases.record(request.getCaseNumber(), "assistanceOverdue", null, String.format("协查 %s 已超过期限 %s，%s 尚未回复",
                requestNumber, request.getDueOn(), leads.nameOf(request.getAssistingOrganisation())));
    }

    /** Evidence the assisting body collected goes straight into the requesting case (Art. 46), while it is open. */
    public Evidence addEvidence(String requestNumber, String type, String title, String fileName, String contentType,
            byte[] content, Caller caller) {
        AssistanceRequest request = byNumber(requestNumber);
        if (!caller.belongsTo(request.getAssistingOrganisation())) {
            throw new NotFoundException("assistance", requestNumber);
        }
        if (!caller.worksCases()) {
            throw new AccessDeniedException(Caller.NOT_A_CASE_WORKER);
        }
        if (request.getStatus() != AssistanceRequest.Status.OPEN) {
            throw new InvalidInputException("requestNumber", "协查" + request.getStatus().chineseName() + "，不能再提交证据");
        }
        String labelled = title == null || title.isBlank() ? title
                : "协查 " + requestNumber + "（" + leads.nameOf(request.getAssistingOrganisation()) + "）：" + title.strip();
        return evidence.add(request.getCaseNumber(), type, labelled, fileName, contentType, content, caller.userId());
    }

    @Transactional(readOnly = true)
    public AssistanceRequest byNumber(String requestNumber) {
        return requests.findByNumber(requestNumber)
                .orElseThrow(() -> new NotFoundException("assistance", requestNumber));
    }

    /** The request as {@code caller} may read it; one it may not read is answered as if it did not exist. */
    /**
     * The evidence submitted under this request, as both bodies may list it (the assisting body sees nothing else of
     * the requesting case): the items of the case its {@link #addEvidence} labelled with the request's number.
     */
    @Transactional(readOnly = true)
    public List<org.sanlian.casefile.evidence.EvidenceEntry> evidenceOf(String requestNumber, Caller caller) {
        AssistanceRequest request = byNumber(requestNumber, caller);
        String label = "协查 " + requestNumber + "（";
        return evidence.entriesOf(request.getCaseNumber()).stream()
                .filter(entry -> entry.getTitle() != null && entry.getTitle().startsWith(label)).toList();
    }

    @Transactional(readOnly = true)
    public AssistanceRequest byNumber(String requestNumber, Caller caller) {
        return requests.findByNumber(requestNumber).filter(request -> sees(request, caller))
                .orElseThrow(() -> new NotFoundException("assistance", requestNumber));
    }

    @Transactional(readOnly = true)
    public List<AssistanceRequest> visibleTo(Caller caller) {
        if (caller.seesAll()) {
            return requests.findAllByOrderByIdDesc();
        }
        java.util.Set<String> bodies = new java.util.HashSet<>(caller.groups());
        bodies.addAll(caller.supervised());
        return requests.findByRequestingOrganisationInOrAssistingOrganisationInOrderByIdDesc(bodies, bodies);
    }

    private boolean sees(AssistanceRequest request, Caller caller) {
        return caller.reads(request.getRequestingOrganisation()) || caller.reads(request.getAssistingOrganisation());
    }
}
