package org.sanlian.casefile;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CaseNumberSequenceRepository extends JpaRepository<CaseNumberSequence, CaseNumberSequence.Key> {

    /** SELECT … FOR UPDATE: concurrent allocations of one series wait here, on every node sharing the database. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from CaseNumberSequence s where s.key = ?1")
    Optional<CaseNumberSequence> lock(CaseNumberSequence.Key key);
}

interface CaseNumberRepository extends JpaRepository<CaseNumber, Long> {

    Optional<CaseNumber> findByFormatted(String formatted);

    Optional<CaseNumber> findFirstByReferenceAndTypeAndSubjectAndVoidedFalseOrderByIdDesc(String reference,
            NumberType type, String subject);

    List<CaseNumber> findByOrganisationCodeAndYearAndTypeOrderBySequenceValue(String organisationCode, int year,
            NumberType type);
}
