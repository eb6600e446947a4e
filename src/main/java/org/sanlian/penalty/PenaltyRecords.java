package org.sanlian.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.sanlian.casefile.CaseActDates;
import org.sanlian.casefile.procedure.InvestigationRules;
import org.sanlian.casefile.procedure.ProcedureFacts;
import org.sanlian.casefile.procedure.ProposalKeeper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's penalty record (case_penalty: proposal, benchmark, notice, re-check, decision) and its payment
 * (case_payment). Read by anyone; written only by the penalty module's rules, on the clock of the case's procedure.
 */
@Service
@Transactional
public class PenaltyRecords implements ProposalKeeper {

    private final PenaltyFactsRepository penalties;
    private final PaymentFactsRepository payments;
    private final ViolationCatalogue catalogue;
    private final ProcedureFacts facts;
    private final CaseActDates actDates;

    PenaltyRecords(PenaltyFactsRepository penalties, PaymentFactsRepository payments, ViolationCatalogue catalogue,
            ProcedureFacts facts, CaseActDates actDates) {
        this.actDates = actDates;
        this.penalties = penalties;
        this.payments = payments;
        this.catalogue = catalogue;
        this.facts = facts;
    }

    @Transactional(readOnly = true)
    public Optional<PenaltyFacts> penalty(String caseNumber) {
        return penalties.findById(caseNumber);
    }

    @Transactional(readOnly = true)
    public Optional<PaymentFacts> payment(String caseNumber) {
        return payments.findById(caseNumber);
    }

    PenaltyFacts penaltyFor(String caseNumber) {
        return penalties.findById(caseNumber).orElseGet(() -> penalties.save(new PenaltyFacts(caseNumber, facts.now())));
    }

    PaymentFacts paymentFor(String caseNumber, BigDecimal fine, LocalDate servedOn, LocalDate due) {
        PaymentFacts payment = payments.findById(caseNumber)
                .orElseGet(() -> payments.save(new PaymentFacts(caseNumber, fine, servedOn, due, facts.now())));
        payment.served(fine, servedOn, due, facts.now());
        return payment;
    }

    /**
     * The investigation report's proposal: a fine within the catalogue's statutory range, and after the party's
     * statement never above the fine the party was told (a supplementary investigation may not raise it, Art. 45).
     */
    @Override
    public void proposed(String caseNumber, InvestigationRules.Report report) {
        boolean fine = report.outcome() == InvestigationRules.Outcome.penalty;
        // 行政处罚法 Art. 37: the provision as it read on the act's date, its range too
        LocalDate actDate = actDates.of(caseNumber).orElse(null);
        if (fine) {
            catalogue.checkFine("proposedFine", report.violationCode(), report.fine(), actDate);
        } else if (report.violationCode() != null) {
            catalogue.requireValidOn("violationCode", List.of(report.violationCode()), actDate);
        }
        PenaltyFacts penalty = penaltyFor(caseNumber);
        if (penalty.getRecheckedOn() != null && fine) {
            NoHeavierPenaltyForDefence.requireNotAbove("proposedFine", report.fine(), penalty.getNotifiedFine());
        }
        penalty.proposed(report.outcome().name(), fine ? report.fine() : null, report.violationCode(),
                report.partyType(), report.legalBasis(), report.revocation(), report.suspension(), facts.now());
    }
}
