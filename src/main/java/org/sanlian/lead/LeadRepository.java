package org.sanlian.lead;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LeadRepository extends JpaRepository<Lead, Long> {

    /** The lead by its number, read by the lead's steps (JPQL: its plan is kept, see LegalDeadlineRepository). */
    @Query("select l from Lead l where l.leadNumber = ?1")
    Optional<Lead> findByLeadNumber(String leadNumber);

    List<Lead> findByLeadNumberIn(Collection<String> leadNumbers);

    List<Lead> findByOrganisationCodeInOrderByIdDesc(Collection<String> organisationCodes);

    List<Lead> findAllByOrderByIdDesc();

    /** The numbers of the leads whose plate starts with {@code prefix} (a LIKE pattern), newest first. */
    @Query("select l.leadNumber from Lead l where l.plateNumber like ?1 and l.leadNumber is not null order by l.id desc")
    List<String> findNumbersByPlatePrefix(String prefix, Limit limit);
}
