package org.sanlian.document;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanlian.documents.*} in application.yaml.
 *
 * @param templateDir the folder whose HTML templates override the shipped ones of the same name
 * @param fonts       TrueType fonts embedded in every PDF, tried in this order per character (files or classpath:)
 * @param render              {@code async}: a worker renders after the step commits; {@code after-commit}: the
 *                            committing thread renders (tests)
 * @param renderMaxAttempts   tries before a render job is FAILED (and shown to supervision)
 * @param renderMaxPause      the longest pause between two tries
 * @param renderPollInterval  how often the worker looks for due jobs besides being woken at commit
 * @param renderWorkerEnabled whether this node runs the render worker
 * @param renderThreads       how many documents this node's worker renders at once (each with its own parsed fonts)
 * @param renderNice          the Linux nice value of the render threads (0–19; 0 = as the requests): above 0,
 *                            rendering gives way to the officers' requests when the node is saturated
 */
@Validated
@ConfigurationProperties("sanlian.documents")
public record DocumentSettings(@NotNull Path templateDir, List<String> fonts, @NotNull String render,
        @Positive int renderMaxAttempts, @NotNull Duration renderMaxPause, @NotNull Duration renderPollInterval,
        boolean renderWorkerEnabled, @Positive int renderThreads, @Min(0) @Max(19) int renderNice) {

    @ConstructorBinding
    public DocumentSettings {
        fonts = fonts == null ? List.of() : List.copyOf(fonts);
    }

    /** Settings for rendering alone (a renderer built outside Spring, as in tests). */
    public DocumentSettings(Path templateDir, List<String> fonts) {
        this(templateDir, fonts, "after-commit", 12, Duration.ofMinutes(10), Duration.ofSeconds(1), false, 1, 0);
    }
}
