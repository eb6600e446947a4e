package org.sanlian.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseFileRepository extends JpaRepository<CaseFile, Long> {

    Optional<CaseFile> findByCaseNumber(String caseNumber);

    /** The first case opened for a lead (a transferred case has a second one at the receiving body). */
    Optional<CaseFile> findFirstByLeadNumberOrderByIdAsc(String leadNumber);

    List<CaseFile> findByOrganisationCodeInOrderByIdDesc(Collection<String> organisationCodes);

    List<CaseFile> findAllByOrderByIdDesc();
}
