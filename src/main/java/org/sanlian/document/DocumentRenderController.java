package org.sanlian.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.sanlian.casefile.CaseFile;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.platform.NotFoundException;
import org.sanlian.security.Visibility;
import org.springframework.data.domain.Limit;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 法制监督: documents that steps asked for and that are not rendered yet — pending, being retried, or failed — of the
 * cases the caller reads (a head his body's, a legal supervisor his city's, the administrator all).
 */
@RestController
@Tag(name = "supervision", description = "法制监督：文书生成情况")
class DocumentRenderController {

    /** One document still owed to its case, with its last failure. */
    record OwedDocument(long id, String caseNumber, String kind, String title, String step, String status,
            int attempts, String lastError, Instant askedAt, Instant nextAttemptAt) {
    }

    /**
     * How many are owed, and how long the last (at most) 500 rendered documents took from the step's commit to
     * their PDF: median, 95th percentile and maximum in milliseconds.
     */
    record RenderState(long pending, long retrying, long failed, int recentRendered, Long delayP50Ms,
            Long delayP95Ms, Long delayMaxMs, List<OwedDocument> failures) {
    }

    private final DocumentRenderJobRepository jobs;
    private final DocumentRenderQueue queue;
    private final CaseFiles caseFiles;

    DocumentRenderController(DocumentRenderJobRepository jobs, DocumentRenderQueue queue, CaseFiles caseFiles) {
        this.jobs = jobs;
        this.queue = queue;
        this.caseFiles = caseFiles;
    }

    @GetMapping("/api/supervision/document-renders")
    @PreAuthorize("hasAnyAuthority('GROUP_camunda-admin', 'GROUP_legalSupervisor', 'GROUP_head')")
    @Operation(summary = "尚未生成的文书：待生成、重试中（附最近一次失败原因）和已失败的数量与清单")
    RenderState state(Authentication user) {
        Visibility visibility = Visibility.of(user);
        if (visibility.seesAll()) {
            return everyBody();
        }
        List<Object[]> owed = jobs.owed();
        Predicate<String> visible = visibleCases(owed.stream().map(o -> (String) o[0]).toList(), visibility);
        long pending = 0;
        long retrying = 0;
        long failed = 0;
        for (Object[] job : owed) {
            if (visible.test((String) job[0])) {
                if (job[1] == DocumentRenderJob.Status.FAILED) {
                    failed++;
                } else if (job[1] == DocumentRenderJob.Status.PENDING) {
                    pending++;
                    retrying += ((Number) job[2]).intValue() > 0 ? 1 : 0;
                }
            }
        }
        List<OwedDocument> failures = jobs.findByStatusNotAndAttemptsGreaterThanOrderByIdDesc(
                DocumentRenderJob.Status.DONE, 0, Limit.of(200)).stream()
                .filter(j -> visible.test(j.getCaseNumber())).map(DocumentRenderController::owed).toList();
        List<Object[]> recent = jobs.recentRenderTimesWithCase(Limit.of(500));
        Predicate<String> recentVisible = visibleCases(recent.stream().map(t -> (String) t[2]).toList(), visibility);
        List<Long> delays = recent.stream().filter(times -> recentVisible.test((String) times[2]))
                .map(times -> Duration.between((Instant) times[0], (Instant) times[1]).toMillis()).sorted().toList();
        return new RenderState(pending, retrying, failed, delays.size(), nth(delays, 50), nth(delays, 95),
                delays.isEmpty() ? null : delays.get(delays.size() - 1), failures);
    }

    private RenderState everyBody() {
        List<OwedDocument> failures = jobs.findByStatusNotAndAttemptsGreaterThanOrderByIdDesc(
                DocumentRenderJob.Status.DONE, 0, Limit.of(200)).stream().map(DocumentRenderController::owed).toList();
        List<Long> delays = jobs.recentRenderTimes(Limit.of(500)).stream()
                .map(times -> Duration.between((Instant) times[0], (Instant) times[1]).toMillis()).sorted().toList();
        return new RenderState(jobs.countByStatus(DocumentRenderJob.Status.PENDING),
                jobs.countByStatusAndAttemptsGreaterThan(DocumentRenderJob.Status.PENDING, 0),
                jobs.countByStatus(DocumentRenderJob.Status.FAILED), delays.size(), nth(delays, 50), nth(delays, 95),
                delays.isEmpty() ? null : delays.get(delays.size() - 1), failures);
    }

    private static OwedDocument owed(DocumentRenderJob j) {
        return new OwedDocument(j.getId(), j.getCaseNumber(),
                j.getKind() == null ? j.getWork().name() : j.getKind().name(), j.title(),
                j.getStep(), j.getStatus().name(), j.getAttempts(), j.getLastError(), j.getCreatedAt(),
                j.getNextAttemptAt());
    }

    /** Which of these cases the caller reads: those of his bodies and of the bodies he supervises. */
    private Predicate<String> visibleCases(Collection<String> caseNumbers, Visibility visibility) {
        Set<String> visible = new HashSet<>();
        caseFiles.among(Set.copyOf(caseNumbers), visibility.bodies(), false).stream().map(CaseFile::getCaseNumber)
                .forEach(visible::add);
        return visible::contains;
    }

    private static Long nth(List<Long> sorted, int percentile) {
        return sorted.isEmpty() ? null
                : sorted.get(Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    @PostMapping("/api/supervision/document-renders/{id}/retry")
    @PreAuthorize("hasAnyAuthority('GROUP_camunda-admin', 'GROUP_legalSupervisor')")
    @Operation(summary = "重新生成一份生成失败的文书")
    ResponseEntity<Void> retry(@PathVariable long id, Authentication user) {
        Visibility visibility = Visibility.of(user);
        if (!visibility.seesAll()) {
            String caseNumber = jobs.findById(id).map(DocumentRenderJob::getCaseNumber).orElse(null);
            if (caseNumber == null || !visibleCases(Set.of(caseNumber), visibility).test(caseNumber)) {
                throw new NotFoundException("document render job", id);
            }
        }
        queue.retry(id);
        return ResponseEntity.accepted().build();
    }
}
