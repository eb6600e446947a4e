package org.sanlian.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about the officers (执法人员) and their certificates; the repository stays inside. */
@Service
@Transactional(readOnly = true)
public class Officers {

    private final OfficerRepository officers;

    Officers(OfficerRepository officers) {
        this.officers = officers;
    }

    public Optional<Officer> byUserId(String userId) {
        return userId == null ? Optional.empty() : officers.findById(userId);
    }

    public List<Officer> of(String organisationCode) {
        return officers.findByOrganisationCodeOrderByUserId(organisationCode);
    }
}
