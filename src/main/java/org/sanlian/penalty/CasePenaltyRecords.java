package org.sanlian.penalty;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of a case's penalty record (case_penalty): the documents print the provision, the
 * discretion basis, the statement and defence and the decision as the step rules stored them (行政处罚法 Art. 59).
 * Read only; the repository stays inside this module.
 */
@Service
@Transactional(readOnly = true)
public class CasePenaltyRecords {

    private final PenaltyFactsRepository penalties;

    CasePenaltyRecords(PenaltyFactsRepository penalties) {
        this.penalties = penalties;
    }

    public Optional<PenaltyFacts> of(String caseNumber) {
        return caseNumber == null ? Optional.empty() : penalties.findById(caseNumber);
    }
}
