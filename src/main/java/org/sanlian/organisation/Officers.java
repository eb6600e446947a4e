package org.sanlian.organisation;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask about the officers (执法人员) and their certificates; the repository stays inside.
 * People by name (issue 13): the certified officers a form offers for a case's investigators, presider or
 * colleagues, and the name a page or a message shows for a username. The forms offer officers by name; the
 * server accepts only a username it offered.
 */
@Service
@Transactional(readOnly = true)
public class Officers {

    /** One entry of a form's select: the officer's name and certificate number shown, the username sent. */
    public record Choice(String label, String value) {
    }

    private final OfficerRepository officers;

    Officers(OfficerRepository officers) {
        this.officers = officers;
    }

    /**
     * The officers of the bodies who hold an enforcement certificate (行政处罚法 Art. 42: only they may investigate),
     * in the bodies' order, each body's officers by username.
     */
    public List<Officer> certified(Collection<String> organisationCodes) {
        return new LinkedHashSet<>(organisationCodes).stream()
                .flatMap(code -> officers.findByOrganisationCodeOrderByUserId(code).stream())
                .filter(Officers::holdsCertificate).toList();
    }

    /** The same officers as a select's values: "李明（执法证号 62100220230011）" → xfhandler1. */
    public List<Choice> choices(Collection<String> organisationCodes) {
        return certified(organisationCodes).stream().map(o -> new Choice(label(o), o.getUserId())).toList();
    }

    /** True when the username is one of {@link #certified} of the bodies: what the forms offered. */
    public boolean isCertifiedOfficerOf(Collection<String> organisationCodes, String userId) {
        return userId != null && officers.findById(userId)
                .filter(o -> organisationCodes.contains(o.getOrganisationCode()) && holdsCertificate(o)).isPresent();
    }

    public Optional<Officer> byUserId(String userId) {
        return userId == null ? Optional.empty() : officers.findById(userId);
    }

    /** The officers of that name (a name may be shared), as an officer types a colleague's name. */
    public List<Officer> named(String displayName) {
        return displayName == null ? List.of() : officers.findAll().stream()
                .filter(o -> displayName.strip().equals(o.getDisplayName())).toList();
    }

    /** The officers of one body, by username. */
    public List<Officer> of(String organisationCode) {
        return officers.findByOrganisationCodeOrderByUserId(organisationCode);
    }

    /** The officer's name for a page or a message; a username that names no officer is shown as it is. */
    public String name(String userId) {
        return byUserId(userId).map(Officer::getDisplayName).orElse(userId);
    }

    /** The name with the certificate number, as enforcement documents print an officer (Art. 55). */
    public String nameWithCertificate(String userId) {
        return byUserId(userId).map(Officers::label).orElse(userId);
    }

    private static String label(Officer officer) {
        return holdsCertificate(officer)
                ? officer.getDisplayName() + "（执法证号 " + officer.getCertificateNumber() + "）"
                : officer.getDisplayName();
    }

    private static boolean holdsCertificate(Officer officer) {
        return officer.getCertificateNumber() != null && !officer.getCertificateNumber().isBlank();
    }
}
