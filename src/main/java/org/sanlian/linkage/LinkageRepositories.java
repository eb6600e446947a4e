package org.sanlian.linkage;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HandOverRepository extends JpaRepository<HandOver, Long> {
    Optional<HandOver> findByHandOverNumber(String handOverNumber);

    @Query("select h from HandOver h where h.senderCode in :codes or h.receiverCode in :codes order by h.id desc")
    List<HandOver> involving(@Param("codes") Collection<String> organisationCodes);

    List<HandOver> findAllByOrderByIdDesc();

    List<HandOver> findByLeadNumber(String leadNumber);
}

interface HandOverEventRepository extends JpaRepository<HandOverEvent, Long> {
    List<HandOverEvent> findByHandOverIdOrderById(Long handOverId);
}

interface FineRepository extends JpaRepository<FineRecord, Long> {
    List<FineRecord> findByActDateOrderById(LocalDate actDate);
}

interface WatchRepository extends JpaRepository<WatchEntry, Long> {
    List<WatchEntry> findByPlateNumberOrderById(String plateNumber);

    List<WatchEntry> findByPartyNameOrderById(String partyName);

    List<WatchEntry> findAllByOrderByIdDesc();
}

interface JointOperationRepository extends JpaRepository<JointOperation, Long> {
    Optional<JointOperation> findByOperationNumber(String operationNumber);
}
