package org.sanlian.organisation;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Territorial jurisdiction (行政处罚法 Art. 22: the body where the act took place; Art. 23: county level and
 * above): the enforcement body whose GB/T 2260 area is the place of the act, else the one of the enclosing
 * prefecture (the city team) — the table organisation.area_code and parent_code (Flyway V1).
 */
@Service
@Transactional(readOnly = true)
public class Jurisdictions {

    /** Six digits: province, prefecture, county (GB/T 2260). */
    public static final Pattern AREA_CODE = Pattern.compile("^\\d{6}$");

    private final OrganisationRepository organisations;
    private final OrganisationSettings settings;

    public Jurisdictions(OrganisationRepository organisations, OrganisationSettings settings) {
        this.organisations = organisations;
        this.settings = settings;
    }

    /**
     * The competent enforcement body for a place, or empty when no body of the network covers it; only a configured
     * body is competent ({@link OrganisationSettings#isConfigured}).
     */
    public Optional<Organisation> competentFor(String areaCode) {
        if (areaCode == null || !AREA_CODE.matcher(areaCode).matches()) {
            return Optional.empty();
        }
        Optional<Organisation> local = enforcementBodyOf(areaCode);
        if (local.isPresent()) {
            return local;
        }
        return enforcementBodyOf(areaCode.substring(0, 4) + "00");
    }

    private Optional<Organisation> enforcementBodyOf(String areaCode) {
        return organisations.findAllByOrderByCode().stream()
                .filter(o -> o.isEnforcementBody() && areaCode.equals(o.getAreaCode()) && settings.isConfigured(o.getCode()))
                .min(Comparator.comparing(o -> o.getParentCode() == null ? 0 : 1));
    }
}
