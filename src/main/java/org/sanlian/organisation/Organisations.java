package org.sanlian.organisation;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about the enforcement bodies (执法机构); the repository stays inside this module. */
@Service
@Transactional(readOnly = true)
public class Organisations {

    /**
     * What a body's decisions tell the party about paying and appealing (行政处罚法 Arts. 59, 67; domain.md §2.16):
     * the bank and account fines go to, the 复议机关 and the court. Each is the body's own setting, else its nearest
     * configured parent's; null when none is set.
     */
    public record DecisionParticulars(String paymentBank, String paymentAccount, String reconsiderationBody,
            String court) {
    }

    private final OrganisationRepository organisations;
    private final OrganisationSettings settings;

    Organisations(OrganisationRepository organisations, OrganisationSettings settings) {
        this.organisations = organisations;
        this.settings = settings;
    }

    /** The payment and remedy particulars its decisions print ({@code sanlian.organisation.bodies.<code>}). */
    public DecisionParticulars particulars(String code) {
        return new DecisionParticulars(inherited(code, OrganisationSettings.Body::paymentBank),
                inherited(code, OrganisationSettings.Body::paymentAccount),
                inherited(code, OrganisationSettings.Body::reconsiderationBody),
                inherited(code, OrganisationSettings.Body::court));
    }

    private String inherited(String code, Function<OrganisationSettings.Body, String> setting) {
        Set<String> seen = new HashSet<>();
        for (String at = code; at != null && seen.add(at); ) {
            OrganisationSettings.Body body = settings.bodies().get(at);
            if (body == null) {
                return null;
            }
            String value = setting.apply(body);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
            at = body.parent();
        }
        return null;
    }

    public Optional<Organisation> byCode(String code) {
        return code == null ? Optional.empty() : organisations.findById(code);
    }

    public boolean exists(String code) {
        return code != null && organisations.existsById(code);
    }

    /** The bodies in service: those the configuration names ({@link OrganisationSettings#isConfigured}). */
    public List<Organisation> configured() {
        return organisations.findAllByOrderByCode().stream().filter(o -> settings.isConfigured(o.getCode())).toList();
    }
}
