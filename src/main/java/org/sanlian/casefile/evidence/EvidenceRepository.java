package org.sanlian.casefile.evidence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    List<Evidence> findByCaseNumberOrderById(String caseNumber);
}
