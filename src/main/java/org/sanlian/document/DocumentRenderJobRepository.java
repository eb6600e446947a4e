package org.sanlian.document;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DocumentRenderJobRepository extends JpaRepository<DocumentRenderJob, Long> {

    @Query("select j.id from DocumentRenderJob j where j.status = org.sanlian.document.DocumentRenderJob.Status.PENDING"
            + " and j.nextAttemptAt <= ?1 order by j.id")
    List<Long> dueIds(Instant now, Limit limit);

    @Query("select j.id from DocumentRenderJob j where j.caseNumber = ?1"
            + " and j.status = org.sanlian.document.DocumentRenderJob.Status.PENDING order by j.id")
    List<Long> pendingIdsOf(String caseNumber);

    @Query("select j.id from DocumentRenderJob j where j.caseNumber = ?1 and j.kind = ?2"
            + " and j.status = org.sanlian.document.DocumentRenderJob.Status.PENDING order by j.id")
    List<Long> pendingIdsOf(String caseNumber, DocumentKind kind);

    /** The kind and the service of each pending job of the case, without their variables. */
    @Query("select j.kind, j.serviceRecordId from DocumentRenderJob j where j.caseNumber = ?1"
            + " and j.status = org.sanlian.document.DocumentRenderJob.Status.PENDING")
    List<Object[]> pendingOf(String caseNumber);

    /** What a pending job makes and for which case (empty when it is not pending), without its variables. */
    @Query("select j.work, j.caseNumber from DocumentRenderJob j where j.id = ?1"
            + " and j.status = org.sanlian.document.DocumentRenderJob.Status.PENDING")
    List<Object[]> workIfPending(long id);

    /** The job, locked: the node that renders it holds the row, another node waits and then finds it done. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select j from DocumentRenderJob j where j.id = ?1")
    Optional<DocumentRenderJob> lockById(long id);

    List<DocumentRenderJob> findByCaseNumberAndStatusIn(String caseNumber, Collection<DocumentRenderJob.Status> status);

    List<DocumentRenderJob> findByStatusNotAndAttemptsGreaterThanOrderByIdDesc(DocumentRenderJob.Status status,
            int attempts, Limit limit);

    /** When the most recent rendered documents were asked for and when they were made. */
    @Query("select j.createdAt, j.renderedAt from DocumentRenderJob j"
            + " where j.status = org.sanlian.document.DocumentRenderJob.Status.DONE order by j.id desc")
    List<Object[]> recentRenderTimes(Limit limit);

    /** When the most recent rendered documents were asked for, when they were made, and their case. */
    @Query("select j.createdAt, j.renderedAt, j.caseNumber from DocumentRenderJob j"
            + " where j.status = org.sanlian.document.DocumentRenderJob.Status.DONE order by j.id desc")
    List<Object[]> recentRenderTimesWithCase(Limit limit);

    /** The case, status and attempts of every job not done yet, the newest first. */
    @Query("select j.caseNumber, j.status, j.attempts from DocumentRenderJob j"
            + " where j.status <> org.sanlian.document.DocumentRenderJob.Status.DONE order by j.id desc")
    List<Object[]> owed();

    long countByStatus(DocumentRenderJob.Status status);

    long countByStatusAndAttemptsGreaterThan(DocumentRenderJob.Status status, int attempts);
}
