package org.sanlian.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanlian.organisation.*} in application.yaml: the bodies of the enforcement network (domain.md §9) and, per
 * city, who reviews and who supervises. Another city is another set of entries here, not a code change.
 *
 * @param bodies the bodies, keyed by their code (also the id of their Camunda group: letters and digits only)
 * @param cities keyed by the code of the city team (市级执法队), which designates jurisdiction and takes cases up
 *               (行政处罚法 Art. 25)
 */
@Validated
@ConfigurationProperties("sanlian.organisation")
record OrganisationSettings(
        @NotEmpty Map<@Pattern(regexp = "[A-Za-z0-9]+") String, @Valid @NotNull Body> bodies,
        @NotEmpty Map<String, @Valid @NotNull City> cities) {

    /**
     * One body.
     *
     * @param areaCode     administrative division code (GB/T 2260) of the area it is competent for
     * @param parent       the body above it in the enforcement network, if any
     * @param numberPrefix the abbreviation that opens its case and document numbers (domain.md §3.3); set when the
     *                     body is first created, afterwards the administrator's (/api/organisations)
     * @param paymentBank  the bank its fines are paid into, printed on its decisions (行政处罚法 Arts. 59, 67); unset:
     *                     the parent's
     * @param paymentAccount the account at that bank; unset: the parent's
     * @param reconsiderationBody the 复议机关 its decisions name (行政复议法 Art. 24, domain.md §2.16); unset: the parent's
     * @param court        the people's court its decisions name for 行政诉讼 (行政诉讼法 Art. 18); unset: the parent's
     * @param areaName     the name of its area (e.g. 庆城县), offered as the place of an act (登记案源); unset: its name
     */
    public record Body(@NotBlank String name, @NotNull OrganisationKind kind,
            @NotNull @Pattern(regexp = "\\d{6}") String areaCode, String parent, String numberPrefix,
            String paymentBank, String paymentAccount, String reconsiderationBody, String court, String areaName) {
    }

    /**
     * @param legalReviewerGroup candidate group of 法制审核 (行政处罚法 Art. 58)
     * @param supervisorGroup    candidate group of 超期督办 and 整改复核 (the city's 法制监督)
     */
    public record City(@NotBlank String legalReviewerGroup, @NotBlank String supervisorGroup) {
    }

    /**
     * Whether the body is in service here. A row the configuration does not name (庆阳's rows that Flyway V1 writes
     * on every database, in another city's installation; a body since dissolved) stays for the cases and documents
     * that refer to it, but gets no groups, no leads and no place in any form.
     */
    public boolean isConfigured(String code) {
        return code != null && bodies.containsKey(code);
    }

    public OrganisationSettings {
        bodies = bodies == null ? Map.of() : new LinkedHashMap<>(bodies);
        cities = cities == null ? Map.of() : new LinkedHashMap<>(cities);
    }
}
