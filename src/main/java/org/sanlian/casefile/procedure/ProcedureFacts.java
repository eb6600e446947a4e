package org.sanlian.casefile.procedure;

import static org.sanlian.platform.ChinaTime.CHINA;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.sanlian.casefile.CaseConcluded;
import org.sanlian.casefile.CaseEvent;
import org.sanlian.casefile.CaseFile;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.casefile.CaseStatus;
import org.sanlian.platform.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the facts of a case's procedure live and how the rules reach them: the stored hearing and officers; the
 * case's status and its full-process record (行政处罚法 Art. 47). Read by anyone; written only by the step rules
 * (this package's and the penalty module's, which keeps the penalty and payment records itself).
 */
@Service
@Transactional
public class ProcedureFacts {

    private final CaseFiles cases;
    private final HearingFactsRepository hearings;
    private final CaseOfficerRepository officers;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ProcedureFacts(CaseFiles cases, HearingFactsRepository hearings, CaseOfficerRepository officers,
            ApplicationEventPublisher publisher, Optional<Clock> clock) {
        this.cases = cases;
        this.hearings = hearings;
        this.officers = officers;
        this.publisher = publisher;
        this.clock = clock.orElse(Clock.system(CHINA));
    }

    @Transactional(readOnly = true)
    public Optional<HearingFacts> hearing(String caseNumber) {
        return hearings.findById(caseNumber);
    }

    /** The cases this user investigates or presides (我的案件). */
    @Transactional(readOnly = true)
    public List<String> caseNumbersOfOfficer(String userId) {
        return officers.findCaseNumbersOfUser(userId);
    }

    /** The officers of several cases at once (the case list, issue 16), in the order they were named. */
    @Transactional(readOnly = true)
    public List<CaseOfficer> officers(java.util.Collection<String> caseNumbers) {
        return officers.findByCaseNumberInOrderById(caseNumbers);
    }

    @Transactional(readOnly = true)
    public List<String> officers(String caseNumber, CaseOfficer.Role role) {
        return officers.findByCaseNumberAndRoleOrderById(caseNumber, role).stream().map(CaseOfficer::getUserId).toList();
    }

    /**
     * Whether the case has its decision, as stored: a decision of penalty or of no penalty moves the case out of
     * FILED in the same transaction that records it (DecisionRules).
     */
    @Transactional(readOnly = true)
    public boolean decided(String caseNumber) {
        return cases.byNumber(caseNumber).getStatus() != CaseStatus.FILED;
    }

    @Transactional(readOnly = true)
    public CaseFile caseFile(String caseNumber) {
        return cases.byNumber(caseNumber);
    }

    /**
     * Domain.md §2.14, issue 11: a step runs only while the case's stored status allows it — whatever state the
     * process is in, there is no decision, service or payment in a case transferred as a crime, transferred,
     * closed or archived.
     */
    @Transactional(readOnly = true)
    public void requireStatusAllows(String caseNumber, Rule rule, String stepName) {
        CaseStatus status = cases.byNumber(caseNumber).getStatus();
        if (!rule.allows(status)) {
            throw new InvalidInputException("caseStatus", "案件" + status.chineseName() + "，不能办理「" + stepName
                    + "」：案件状态以案件记录为准，不因流程所处环节而改变");
        }
    }

    public HearingFacts hearingRequested(String caseNumber, LocalDate requestedOn) {
        HearingFacts hearing = hearings.findById(caseNumber)
                .orElseGet(() -> hearings.save(new HearingFacts(caseNumber, requestedOn, now())));
        hearing.requested(requestedOn, now());
        return hearing;
    }

    public void replaceOfficers(String caseNumber, CaseOfficer.Role role, List<String> userIds, String recusalOf,
            String actor) {
        officers.deleteByCaseNumberAndRole(caseNumber, role);
        officers.flush();
        for (String userId : userIds) {
            officers.save(new CaseOfficer(caseNumber, userId, role, userId.equals(recusalOf), actor, now()));
        }
    }

    @Transactional(readOnly = true)
    public Optional<String> recusalRequestedOf(String caseNumber) {
        return officers.findByCaseNumberAndRoleOrderById(caseNumber, CaseOfficer.Role.INVESTIGATOR).stream()
                .filter(CaseOfficer::isRecusalRequested).map(CaseOfficer::getUserId).findFirst();
    }

    public void record(String caseNumber, String step, String actor, String note) {
        cases.record(caseNumber, step, actor, note);
    }

    public boolean recorded(String caseNumber, String step) {
        return cases.history(caseNumber).stream().anyMatch(e -> e.getStep().equals(step));
    }

    public void moveTo(String caseNumber, CaseStatus status) {
        cases.moveTo(caseNumber, status);
    }

    /** Tells the other bodies how the case ended: its last decision as the case's record states it. */
    public void concluded(String caseNumber) {
        CaseFile caseFile = cases.byNumber(caseNumber);
        List<String> decisions = List.of("decidePenalty", "decideNoPenalty", "decideCrimeTransfer");
        CaseEvent decision = cases.history(caseNumber).stream()
                .filter(e -> decisions.contains(e.getStep()) && e.getNote() != null && !e.getNote().startsWith("退回"))
                .reduce((first, second) -> second).orElse(null);
        publisher.publishEvent(new CaseConcluded(caseNumber, caseFile.getLeadNumber(), caseFile.getOrganisationCode(),
                caseFile.getStatus(), decision == null ? null : decision.getStep(),
                decision == null ? null : decision.getNote()));
    }

    public Instant now() {
        return Instant.now(clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    public Clock clock() {
        return clock;
    }

    public LocalDate filedOn(String caseNumber) {
        return LocalDate.ofInstant(cases.byNumber(caseNumber).getFiledAt(), CHINA);
    }

    public static java.util.Date endOfDay(LocalDate date) {
        return java.util.Date.from(date.atTime(23, 59, 59).atZone(CHINA).toInstant());
    }
}
