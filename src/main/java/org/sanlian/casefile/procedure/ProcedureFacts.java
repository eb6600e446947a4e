package org.sanlian.casefile.procedure;

import org.sanlian.penalty.PaymentFactsRepository;
import org.sanlian.penalty.PenaltyFactsRepository;
import org.sanlian.penalty.PaymentFacts;
import org.sanlian.penalty.PenaltyFacts;
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
 * Where the facts of a case's procedure live and how the rules reach them: the stored penalty, hearing, payment
 * and officers; the case's status and its full-process record (行政处罚法 Art. 47). Read by anyone; written only
 * by the rules of this package.
 */
@Service
@Transactional
public class ProcedureFacts {

    private final CaseFiles cases;
    private final PenaltyFactsRepository penalties;
    private final HearingFactsRepository hearings;
    private final PaymentFactsRepository payments;
    private final CaseOfficerRepository officers;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ProcedureFacts(CaseFiles cases, PenaltyFactsRepository penalties, HearingFactsRepository hearings,
            PaymentFactsRepository payments, CaseOfficerRepository officers, ApplicationEventPublisher publisher,
            Optional<Clock> clock) {
        this.cases = cases;
        this.penalties = penalties;
        this.hearings = hearings;
        this.payments = payments;
        this.officers = officers;
        this.publisher = publisher;
        this.clock = clock.orElse(Clock.system(CHINA));
    }

    @Transactional(readOnly = true)
    public Optional<PenaltyFacts> penalty(String caseNumber) {
        return penalties.findById(caseNumber);
    }

    @Transactional(readOnly = true)
    public Optional<HearingFacts> hearing(String caseNumber) {
        return hearings.findById(caseNumber);
    }

    @Transactional(readOnly = true)
    public Optional<PaymentFacts> payment(String caseNumber) {
        return payments.findById(caseNumber);
    }

    @Transactional(readOnly = true)
    public List<String> officers(String caseNumber, CaseOfficer.Role role) {
        return officers.findByCaseNumberAndRoleOrderById(caseNumber, role).stream().map(CaseOfficer::getUserId).toList();
    }

    /** Whether the case has its decision (a penalty, no penalty, or a crime transfer approved), as stored. */
    @Transactional(readOnly = true)
    public boolean decided(String caseNumber) {
        return cases.byNumber(caseNumber).getStatus() != CaseStatus.FILED
                || penalty(caseNumber).map(p -> p.getDecisionKind() != null).orElse(false);
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

    PenaltyFacts penaltyFor(String caseNumber) {
        return penalties.findById(caseNumber).orElseGet(() -> penalties.save(new PenaltyFacts(caseNumber, now())));
    }

    HearingFacts hearingRequested(String caseNumber, LocalDate requestedOn) {
        HearingFacts hearing = hearings.findById(caseNumber)
                .orElseGet(() -> hearings.save(new HearingFacts(caseNumber, requestedOn, now())));
        hearing.requested(requestedOn, now());
        return hearing;
    }

    PaymentFacts paymentFor(String caseNumber, java.math.BigDecimal fine, LocalDate servedOn, LocalDate due) {
        PaymentFacts payment = payments.findById(caseNumber)
                .orElseGet(() -> payments.save(new PaymentFacts(caseNumber, fine, servedOn, due, now())));
        payment.served(fine, servedOn, due, now());
        return payment;
    }

    void replaceOfficers(String caseNumber, CaseOfficer.Role role, List<String> userIds, String recusalOf,
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

    void record(String caseNumber, String step, String actor, String note) {
        cases.record(caseNumber, step, actor, note);
    }

    boolean recorded(String caseNumber, String step) {
        return cases.history(caseNumber).stream().anyMatch(e -> e.getStep().equals(step));
    }

    void moveTo(String caseNumber, CaseStatus status) {
        cases.moveTo(caseNumber, status);
    }

    /** Tells the other bodies how the case ended: its last decision as the case's record states it. */
    void concluded(String caseNumber) {
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

    Clock clock() {
        return clock;
    }

    LocalDate filedOn(String caseNumber) {
        return LocalDate.ofInstant(cases.byNumber(caseNumber).getFiledAt(), CHINA);
    }

    static java.util.Date endOfDay(LocalDate date) {
        return java.util.Date.from(date.atTime(23, 59, 59).atZone(CHINA).toInstant());
    }
}
