package org.sanlian.document;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseArchiveRepository extends JpaRepository<CaseArchive, Long> {

    Optional<CaseArchive> findFirstByCaseNumberOrderByVersionDesc(String caseNumber);
}
