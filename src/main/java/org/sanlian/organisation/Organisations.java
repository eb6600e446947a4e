package org.sanlian.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about the enforcement bodies (执法机构); the repository stays inside this module. */
@Service
@Transactional(readOnly = true)
public class Organisations {

    private final OrganisationRepository organisations;

    Organisations(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    public Optional<Organisation> byCode(String code) {
        return code == null ? Optional.empty() : organisations.findById(code);
    }

    public boolean exists(String code) {
        return code != null && organisations.existsById(code);
    }

    public List<Organisation> all() {
        return organisations.findAllByOrderByCode();
    }
}
