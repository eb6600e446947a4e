package org.sanlian.document;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ServiceRecordRepository extends JpaRepository<ServiceRecord, Long> {

    List<ServiceRecord> findByCaseNumberOrderById(String caseNumber);

    List<ServiceRecord> findByDocumentIdOrderById(Long documentId);

    /**
     * Each service of the case as stored now — its id, the kind of document served and its 送达回证's id — read as
     * values, not as entities: a transaction that loaded a service before its receipt was made elsewhere would be
     * handed its own stale copy of the entity.
     */
    @Query("select s.id, s.documentKind, s.receiptDocumentId from ServiceRecord s where s.caseNumber = ?1")
    List<Object[]> receiptsOf(String caseNumber);
}
