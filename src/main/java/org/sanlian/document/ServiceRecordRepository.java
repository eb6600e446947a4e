package org.sanlian.document;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceRecordRepository extends JpaRepository<ServiceRecord, Long> {

    List<ServiceRecord> findByCaseNumberOrderById(String caseNumber);

    List<ServiceRecord> findByDocumentIdOrderById(Long documentId);
}
