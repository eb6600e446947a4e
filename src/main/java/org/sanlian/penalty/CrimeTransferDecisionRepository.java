package org.sanlian.penalty;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CrimeTransferDecisionRepository extends JpaRepository<CrimeTransferDecision, Long> {

    List<CrimeTransferDecision> findByCaseNumberOrderByIdDesc(String caseNumber);
}
