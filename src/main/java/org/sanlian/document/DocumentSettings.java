package org.sanlian.document;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanlian.documents.*} in application.yaml.
 *
 * @param templateDir the folder whose HTML templates override the shipped ones of the same name
 * @param fonts       TrueType fonts embedded in every PDF, tried in this order per character (files or classpath:)
 */
@Validated
@ConfigurationProperties("sanlian.documents")
public record DocumentSettings(@NotNull Path templateDir, List<String> fonts) {

    public DocumentSettings {
        fonts = fonts == null ? List.of() : List.copyOf(fonts);
    }
}
