package org.sanlian.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseFileRepository extends JpaRepository<CaseFile, Long> {

    Optional<CaseFile> findByCaseNumber(String caseNumber);

    /** The first case opened for a lead (a transferred case has a second one at the receiving body). */
    Optional<CaseFile> findFirstByLeadNumberOrderByIdAsc(String leadNumber);

    List<CaseFile> findByOrganisationCodeInOrderByIdDesc(Collection<String> organisationCodes);

    List<CaseFile> findAllByOrderByIdDesc();

    /** Cases whose party (as filed, or as the investigation recorded it) starts with {@code prefix}, newest first. */
    @Query("select c from CaseFile c where c.partyName like ?1 and (?2 = true or c.organisationCode in ?3)"
            + " order by c.id desc")
    List<CaseFile> findByPartyPrefix(String prefix, boolean seesAll, Collection<String> organisationCodes, Limit limit);

    @Query("select c from CaseFile c where c.caseNumber in (select p.caseNumber from CaseParty p where p.name like ?1)"
            + " and (?2 = true or c.organisationCode in ?3) order by c.id desc")
    List<CaseFile> findByRecordedPartyPrefix(String prefix, boolean seesAll, Collection<String> organisationCodes,
            Limit limit);

    /** Cases in which a vehicle with this plate was recorded, newest first. */
    @Query("select c from CaseFile c where c.caseNumber in (select v.caseNumber from CaseVehicle v"
            + " where v.plateNumber = ?1) and (?2 = true or c.organisationCode in ?3) order by c.id desc")
    List<CaseFile> findByPlate(String plate, boolean seesAll, Collection<String> organisationCodes, Limit limit);
}
