package org.sanlian.penalty;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of a case's penalty record (case_penalty): the documents print the provision, the
 * discretion basis, the statement and defence and the decision as the step rules stored them (行政处罚法 Art. 59), and an
 * approved schedule of instalments (Art. 66 ¶2).
 * Read only; the repository stays inside this module.
 */
@Service
@Transactional(readOnly = true)
public class CasePenaltyRecords {

    private final PenaltyFactsRepository penalties;
    private final PaymentInstalmentRepository instalments;

    CasePenaltyRecords(PenaltyFactsRepository penalties, PaymentInstalmentRepository instalments) {
        this.penalties = penalties;
        this.instalments = instalments;
    }

    /** The approved instalments (Art. 66 ¶2), in order, for the 分期（延期）缴纳罚款通知书; empty for any other case. */
    public List<PaymentInstalment> instalments(String caseNumber) {
        return caseNumber == null ? List.of() : instalments.ofCase(caseNumber);
    }

    public Optional<PenaltyFacts> of(String caseNumber) {
        return caseNumber == null ? Optional.empty() : penalties.findById(caseNumber);
    }
}
