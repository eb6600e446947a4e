package org.sanlian.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanlian.demo.*}: the demo profile's users (application-demo.yaml), seeded by {@link DemoUsers}.
 *
 * @param password the password of every demo user
 * @param users    keyed by user id (letters and digits)
 */
@Validated
@ConfigurationProperties("sanlian.demo")
public record DemoSettings(@DefaultValue("demo") @NotBlank String password,
        Map<String, @Valid @NotNull User> users) {

    /** One demo officer of a configured body; the certificate number is blank for bodies without enforcement power. */
    public record User(@NotBlank String familyName, @NotBlank String givenName, @NotBlank String organisation,
            @NotNull Role role, String certificate) {
    }

    public DemoSettings {
        users = users == null ? Map.of() : new LinkedHashMap<>(users);
    }
}
