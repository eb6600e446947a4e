package org.sanlian.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseFileRepository extends JpaRepository<CaseFile, Long> {

    /** The case by its number, read by every step (JPQL: its plan is kept, see LegalDeadlineRepository). */
    @Query("select c from CaseFile c where c.caseNumber = ?1")
    Optional<CaseFile> findByCaseNumber(String caseNumber);

    /** The first case opened for a lead (a transferred case has a second one at the receiving body). */
    Optional<CaseFile> findFirstByLeadNumberOrderByIdAsc(String leadNumber);

    List<CaseFile> findByOrganisationCodeInOrderByIdDesc(Collection<String> organisationCodes);

    List<CaseFile> findAllByOrderByIdDesc();

    /** The newest visible cases, at most {@code limit} (the case list without a search, issue 16). */
    @Query("select c from CaseFile c where (?1 = true or c.organisationCode in ?2) order by c.id desc")
    List<CaseFile> findNewest(boolean seesAll, Collection<String> organisationCodes, Limit limit);

    /** Cases whose case number or lead number starts with {@code prefix}, newest first. */
    @Query("select c from CaseFile c where (c.caseNumber like ?1 or c.leadNumber like ?1)"
            + " and (?2 = true or c.organisationCode in ?3) order by c.id desc")
    List<CaseFile> findByNumberPrefix(String prefix, boolean seesAll, Collection<String> organisationCodes,
            Limit limit);

    /** Cases opened for these leads, newest first. */
    @Query("select c from CaseFile c where c.leadNumber in ?1 and (?2 = true or c.organisationCode in ?3)"
            + " order by c.id desc")
    List<CaseFile> findByLeadNumbers(Collection<String> leadNumbers, boolean seesAll,
            Collection<String> organisationCodes, Limit limit);

    /** Cases in which a vehicle whose plate starts with {@code prefix} was recorded, newest first. */
    @Query("select c from CaseFile c where c.caseNumber in (select v.caseNumber from CaseVehicle v"
            + " where v.plateNumber like ?1) and (?2 = true or c.organisationCode in ?3) order by c.id desc")
    List<CaseFile> findByPlatePrefix(String prefix, boolean seesAll, Collection<String> organisationCodes,
            Limit limit);

    /** Cases whose party (as filed, or as the investigation recorded it) starts with {@code prefix}, newest first. */
    @Query("select c from CaseFile c where c.partyName like ?1 and (?2 = true or c.organisationCode in ?3)"
            + " order by c.id desc")
    List<CaseFile> findByPartyPrefix(String prefix, boolean seesAll, Collection<String> organisationCodes, Limit limit);

    @Query("select c from CaseFile c where c.caseNumber in (select p.caseNumber from CaseParty p where p.name like ?1)"
            + " and (?2 = true or c.organisationCode in ?3) order by c.id desc")
    List<CaseFile> findByRecordedPartyPrefix(String prefix, boolean seesAll, Collection<String> organisationCodes,
            Limit limit);

    /** The visible cases among these case numbers, newest first. */
    @Query("select c from CaseFile c where c.caseNumber in ?1 and (?2 = true or c.organisationCode in ?3)"
            + " order by c.id desc")
    List<CaseFile> findAmong(Collection<String> caseNumbers, boolean seesAll, Collection<String> organisationCodes);

    /** The case numbers of the cases this user filed. */
    @Query("select c.caseNumber from CaseFile c where c.filedBy = ?1")
    List<String> findNumbersFiledBy(String userId);

    /** Cases in which a vehicle with this plate was recorded, newest first. */
    @Query("select c from CaseFile c where c.caseNumber in (select v.caseNumber from CaseVehicle v"
            + " where v.plateNumber = ?1) and (?2 = true or c.organisationCode in ?3) order by c.id desc")
    List<CaseFile> findByPlate(String plate, boolean seesAll, Collection<String> organisationCodes, Limit limit);
}
