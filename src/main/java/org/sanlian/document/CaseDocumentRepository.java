package org.sanlian.document;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseDocumentRepository extends JpaRepository<CaseDocument, Long> {

    List<CaseDocument> findByCaseNumberOrderById(String caseNumber);

    Optional<CaseDocument> findFirstByCaseNumberAndKindAndSubjectOrderByVersionDesc(String caseNumber,
            DocumentKind kind, String subject);

    Optional<CaseDocument> findFirstByCaseNumberAndKindOrderByIdDesc(String caseNumber, DocumentKind kind);
}
