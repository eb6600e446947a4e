package org.sanlian.casefile.procedure;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HearingFactsRepository extends JpaRepository<HearingFacts, String> {
}

interface CaseOfficerRepository extends JpaRepository<CaseOfficer, Long> {

    List<CaseOfficer> findByCaseNumberAndRoleOrderById(String caseNumber, CaseOfficer.Role role);

    List<CaseOfficer> findByCaseNumberInOrderById(java.util.Collection<String> caseNumbers);

    @org.springframework.data.jpa.repository.Query("select distinct o.caseNumber from CaseOfficer o where o.userId = ?1")
    List<String> findCaseNumbersOfUser(String userId);

    void deleteByCaseNumberAndRole(String caseNumber, CaseOfficer.Role role);
}

interface LegalReviewRepository extends JpaRepository<LegalReview, Long> {

    List<LegalReview> findByCaseNumberOrderByIdDesc(String caseNumber);
}
