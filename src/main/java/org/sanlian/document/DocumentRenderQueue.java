package org.sanlian.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.sanlian.platform.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Documents off the step's critical path (issue 16). A step that makes a document writes a {@link DocumentRenderJob}
 * in its own transaction — cheap — and the PDF is rendered once the step has committed: by the render worker,
 * woken at that commit (or, with {@code sanlian.documents.render=after-commit}, right after the commit in the
 * caller's thread, as the test suite runs it). A failed render is tried again with a growing pause and stays
 * visible to supervision until it succeeds; the archive renders whatever of its case is still pending before it
 * assembles the volume, so no document is missing from it.
 */
@Service
public class DocumentRenderQueue {

    private static final Logger log = LoggerFactory.getLogger(DocumentRenderQueue.class);

    private final DocumentRenderJobRepository jobs;
    private final Documents documents;
    private final ServiceRecordRepository services;
    private final ServiceRecords serviceRecords;
    private final CaseArchives archives;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final boolean renderInCallerAfterCommit;
    private final int maxAttempts;
    private final Duration maxPause;
    private volatile Consumer<String> wakeWorker = caseNumber -> { };

    public DocumentRenderQueue(DocumentRenderJobRepository jobs, Documents documents, ServiceRecordRepository services,
            @Lazy ServiceRecords serviceRecords, @Lazy CaseArchives archives, PlatformTransactionManager transactions,
            Optional<Clock> clock, DocumentSettings settings) {
        this.jobs = jobs;
        this.documents = documents;
        this.services = services;
        this.serviceRecords = serviceRecords;
        this.archives = archives;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock.orElse(Clock.systemUTC());
        this.renderInCallerAfterCommit = "after-commit".equals(settings.render());
        this.maxAttempts = settings.renderMaxAttempts();
        this.maxPause = settings.renderMaxPause();
    }

    /** The worker that renders in the background, woken when a step that asked for a document commits. */
    void onEnqueued(Consumer<String> wake) {
        this.wakeWorker = wake;
    }

    /** Called inside the step's transaction: the document is made once that transaction has committed. */
    public void enqueue(String caseNumber, DocumentKind kind, String documentNumber, String step,
            Map<String, Object> variables, String actor) {
        enqueue(new DocumentRenderJob(caseNumber, kind, documentNumber, step, actor, serialize(variables),
                clock.instant()));
    }

    /** The 送达回证 of a service recorded in a step, made once the step has committed (after the document served). */
    void enqueueReceipt(ServiceRecord service, Map<String, Object> variables, String actor) {
        enqueue(DocumentRenderJob.receipt(service, "service", actor, serialize(variables), clock.instant()));
    }

    /**
     * The volume of a case archived in a step (归档, Art. 47), assembled once the step has committed, after every
     * document the case's steps asked for; the step has already checked that the file is complete.
     */
    public void enqueueArchive(String caseNumber, String step, Map<String, Object> variables, String actor) {
        enqueue(DocumentRenderJob.archive(caseNumber, step, actor, serialize(variables), clock.instant()));
    }

    /** Whether a document of this kind of the case has been asked for and is not rendered yet. */
    boolean isPending(String caseNumber, DocumentKind kind) {
        return !jobs.pendingIdsOf(caseNumber, kind).isEmpty();
    }

    /** The services of the case whose 送达回证 is asked for and not made yet (they count as in the file). */
    Set<Long> pendingReceipts(String caseNumber) {
        return jobs.pendingOf(caseNumber).stream().map(row -> (Long) row[1]).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private void enqueue(DocumentRenderJob job) {
        String caseNumber = job.getCaseNumber();
        jobs.save(job);
        Runnable afterCommit = () -> {
            if (renderInCallerAfterCommit) {
                renderPendingOf(caseNumber);
            } else {
                wakeWorker.accept(caseNumber);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.run();
                }
            });
        } else {
            afterCommit.run();
        }
    }

    /** Renders the case's pending documents now, in order, each in a transaction of its own (a failure kept for a later try). */
    public void renderPendingOf(String caseNumber) {
        for (Long id : jobs.pendingIdsOf(caseNumber)) {
            renderInOwnTransaction(id);
        }
    }

    /** Renders every job that is due (the worker's round, and the tests' drain); how many it rendered. */
    public int renderDue() {
        return renderDue(0, 1);
    }

    /**
     * Renders the due jobs of one slice (job id modulo {@code slices}): each of a node's render threads takes its own
     * slice, so two threads never wait for the same job's lock. Jobs of a slice whose thread is busy wait for it.
     */
    int renderDue(int slice, int slices) {
        int rendered = 0;
        int tried;
        List<Long> due;
        do {
            tried = 0;
            due = jobs.dueIds(clock.instant(), Limit.of(50));
            for (Long id : due) {
                if (id % slices == slice) {
                    tried++;
                    if (renderInOwnTransaction(id)) {
                        rendered++;
                    }
                }
            }
        } while (due.size() == 50 && tried > 0);
        return rendered;
    }

    /** The kinds of the case's documents that are asked for and not yet rendered (they count as in the file). */
    public Set<DocumentKind> pendingKinds(String caseNumber) {
        return jobs.pendingOf(caseNumber).stream().map(row -> (DocumentKind) row[0]).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private boolean renderInOwnTransaction(long id) {
        // a receipt or a volume needs the case's earlier documents: each is made first, in a transaction of its own,
        // so that no transaction ever holds one job's lock while it waits for another's
        List<Object[]> pending = jobs.workIfPending(id);
        if (pending.isEmpty()) {
            return false; // made meanwhile by another node or thread
        }
        if (pending.get(0)[0] != DocumentRenderJob.Work.DOCUMENT) {
            for (Long earlier : jobs.pendingIdsOf((String) pending.get(0)[1])) {
                if (earlier < id) {
                    renderInOwnTransaction(earlier);
                }
            }
        }
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> renderLocked(id)));
        } catch (RuntimeException failure) {
            log.warn("document render job {} failed: {}", id, failure.toString());
            ownTransaction.executeWithoutResult(status -> jobs.lockById(id).ifPresent(job ->
                    job.failed(failure.toString(), clock.instant(), maxAttempts, maxPause)));
            return false;
        }
    }

    private boolean renderLocked(long id) {
        DocumentRenderJob job = jobs.lockById(id).orElseThrow();
        if (job.getStatus() != DocumentRenderJob.Status.PENDING) {
            return false; // rendered meanwhile by another node or thread
        }
        Map<String, Object> variables = deserialize(job.getVariables());
        switch (job.getWork()) {
            case DOCUMENT -> job.rendered(documents.generate(job.getCaseNumber(), job.getKind(),
                    DocumentKind.subjectOf(job.getKind(), job.getStep(), variables), job.getDocumentNumber(), job.getStep(),
                    variables, Map.of(), job.getActor(), LocalDate.ofInstant(job.getCreatedAt(), ChinaTime.CHINA)),
                    clock.instant());
            case SERVICE_RECEIPT -> {
                ServiceRecord service = services.findById(job.getServiceRecordId()).orElseThrow();
                CaseDocument served = service.getDocumentId() != null ? documents.byId(service.getDocumentId())
                        : documents.latest(service.getCaseNumber(), service.getDocumentKind()).orElseThrow(() ->
                                new IllegalStateException("the " + service.getDocumentKind().title() + " served is not made yet"));
                job.rendered(serviceRecords.makeReceipt(service, served, variables, job.getActor()), clock.instant());
            }
            case ARCHIVE -> job.archived(archives.archive(job.getCaseNumber(), variables), clock.instant());
        }
        return true;
    }

    /** For supervision: a FAILED job is tried again at once. */
    public void retry(long id) {
        boolean found = Boolean.TRUE.equals(ownTransaction.execute(status -> jobs.lockById(id).map(job -> {
            job.retryNow(clock.instant());
            return true;
        }).orElse(false)));
        if (!found) {
            throw new org.sanlian.platform.NotFoundException("document render job", id);
        }
        wakeWorker.accept(null);
    }

    /**
     * The step's variables as they were: values of the Java platform kept as they are (dates stay dates, numbers
     * numbers), anything else (e.g. a JSON value) by its text.
     */
    static byte[] serialize(Map<String, Object> variables) {
        HashMap<String, Object> kept = new HashMap<>();
        variables.forEach((name, value) -> kept.put(name, platformValue(value)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Object platformValue(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Serializable && value.getClass().getName().startsWith("java.")) {
            try (ObjectOutputStream probe = new ObjectOutputStream(ByteArrayOutputStream.nullOutputStream())) {
                probe.writeObject(value);
                return value;
            } catch (IOException notSerializable) {
                return value.toString();
            }
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deserialize(byte[] stored) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("java.base/*;!*"));
            return (Map<String, Object>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("document job variables unreadable", e);
        }
    }
}
