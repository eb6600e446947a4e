package org.sanlian.lead;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeadRepository extends JpaRepository<Lead, Long> {

    Optional<Lead> findByLeadNumber(String leadNumber);

    List<Lead> findByOrganisationCodeInOrderByIdDesc(Collection<String> organisationCodes);

    List<Lead> findAllByOrderByIdDesc();
}
