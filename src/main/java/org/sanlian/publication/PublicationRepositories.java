package org.sanlian.publication;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PublishedDecisionRepository extends JpaRepository<PublishedDecision, Long> {

    Optional<PublishedDecision> findByDecisionNumber(String decisionNumber);

    List<PublishedDecision> findByPublishedAtIsNotNullOrderByDecidedOnDescIdDesc();

    List<PublishedDecision> findAllByOrderByIdDesc();
}

interface OutboxMessageRepository extends JpaRepository<OutboxMessage, Long> {

    @Query("select m.id from OutboxMessage m where m.status = org.sanlian.publication.OutboxMessage.Status.PENDING"
            + " and m.nextAttemptAt <= :now and (m.lockedUntil is null or m.lockedUntil < :now) order by m.id")
    List<Long> dueIds(@Param("now") Instant now);

    /** Takes the message for one delivery; 0 when another node holds it or it is no longer due. */
    @Modifying
    @Query("update OutboxMessage m set m.lockedUntil = :until where m.id = :id"
            + " and m.status = org.sanlian.publication.OutboxMessage.Status.PENDING"
            + " and (m.lockedUntil is null or m.lockedUntil < :now)")
    int claim(@Param("id") Long id, @Param("now") Instant now, @Param("until") Instant until);

    List<OutboxMessage> findByDecisionNumberOrderById(String decisionNumber);

    List<OutboxMessage> findByStatusOrderByIdDesc(OutboxMessage.Status status);

    List<OutboxMessage> findAllByOrderByIdDesc();
}
