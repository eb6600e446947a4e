package org.sanlian.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseFileRepository extends JpaRepository<CaseFile, Long> {

    Optional<CaseFile> findByCaseNumber(String caseNumber);

    Optional<CaseFile> findByLeadNumber(String leadNumber);

    List<CaseFile> findByOrganisationCodeInOrderByIdDesc(Collection<String> organisationCodes);

    List<CaseFile> findAllByOrderByIdDesc();
}
