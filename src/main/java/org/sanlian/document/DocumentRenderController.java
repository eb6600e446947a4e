package org.sanlian.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** 法制监督: documents that steps asked for and that are not rendered yet — pending, being retried, or failed. */
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

    DocumentRenderController(DocumentRenderJobRepository jobs, DocumentRenderQueue queue) {
        this.jobs = jobs;
        this.queue = queue;
    }

    @GetMapping("/api/supervision/document-renders")
    @PreAuthorize("hasAnyAuthority('GROUP_camunda-admin', 'GROUP_legalSupervisor', 'GROUP_head')")
    @Operation(summary = "尚未生成的文书：待生成、重试中（附最近一次失败原因）和已失败的数量与清单")
    RenderState state() {
        List<OwedDocument> failures = jobs.findByStatusNotAndAttemptsGreaterThanOrderByIdDesc(
                DocumentRenderJob.Status.DONE, 0, Limit.of(200)).stream()
                .map(j -> new OwedDocument(j.getId(), j.getCaseNumber(),
                        j.getKind() == null ? j.getWork().name() : j.getKind().name(), j.title(),
                        j.getStep(), j.getStatus().name(), j.getAttempts(), j.getLastError(), j.getCreatedAt(),
                        j.getNextAttemptAt()))
                .toList();
        List<Long> delays = jobs.recentRenderTimes(Limit.of(500)).stream()
                .map(times -> Duration.between((Instant) times[0], (Instant) times[1]).toMillis()).sorted().toList();
        return new RenderState(jobs.countByStatus(DocumentRenderJob.Status.PENDING),
                jobs.countByStatusAndAttemptsGreaterThan(DocumentRenderJob.Status.PENDING, 0),
                jobs.countByStatus(DocumentRenderJob.Status.FAILED), delays.size(), nth(delays, 50), nth(delays, 95),
                delays.isEmpty() ? null : delays.get(delays.size() - 1), failures);
    }

    private static Long nth(List<Long> sorted, int percentile) {
        return sorted.isEmpty() ? null
                : sorted.get(Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    @PostMapping("/api/supervision/document-renders/{id}/retry")
    @PreAuthorize("hasAnyAuthority('GROUP_camunda-admin', 'GROUP_legalSupervisor')")
    @Operation(summary = "重新生成一份生成失败的文书")
    ResponseEntity<Void> retry(@PathVariable long id) {
        queue.retry(id);
        return ResponseEntity.accepted().build();
    }
}
