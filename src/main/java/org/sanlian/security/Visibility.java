package org.sanlian.security;

import java.util.Set;
import org.sanlian.organisation.Role;
import org.springframework.security.core.Authentication;

/**
 * What a signed-in user may see in the domain API: the leads and cases of the bodies whose groups they are
 * in; the city's legal supervisors and the administrators see all.
 */
public record Visibility(Set<String> groups, boolean seesAll) {

    public static Visibility of(Authentication user) {
        Set<String> groups = Set.copyOf(CamundaIdentityAuthenticationProvider.groupIds(user));
        return new Visibility(groups,
                groups.contains(Role.LEGAL_SUPERVISOR.groupId()) || groups.contains(Role.ADMINISTRATOR.groupId()));
    }

    public boolean sees(String organisationCode) {
        return seesAll || groups.contains(organisationCode);
    }
}
