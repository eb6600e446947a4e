package org.sanlian.lead;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeadIdentityKeyRepository extends JpaRepository<LeadIdentityKey, String> {
}

interface LeadRegistrationRepository extends JpaRepository<LeadRegistration, Long> {

    List<LeadRegistration> findByLeadIdOrderById(Long leadId);

    List<LeadRegistration> findByOrganisationCodeInOrderByIdDesc(Collection<String> organisationCodes);
}
