package org.sanlian.security;

import java.util.HashSet;
import java.util.Set;
import org.sanlian.organisation.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a signed-in user may see in the domain API: the leads and cases of the bodies whose groups they are in; a
 * legal supervisor also those of every body of their own city's network ({@code supervised}, read at sign-in from
 * the configured cities: {@code SUPERVISES_<code>} authorities); the administrators see all.
 */
public record Visibility(Set<String> groups, Set<String> supervised, boolean seesAll) {

    public static final String SUPERVISES_PREFIX = "SUPERVISES_";

    public static Visibility of(Authentication user) {
        Set<String> groups = Set.copyOf(CamundaIdentityAuthenticationProvider.groupIds(user));
        Set<String> supervised = new HashSet<>();
        if (groups.contains(Role.LEGAL_SUPERVISOR.groupId())) {
            user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith(SUPERVISES_PREFIX))
                    .forEach(a -> supervised.add(a.substring(SUPERVISES_PREFIX.length())));
        }
        return new Visibility(groups, Set.copyOf(supervised), groups.contains(Role.ADMINISTRATOR.groupId()));
    }

    public boolean sees(String organisationCode) {
        return seesAll || groups.contains(organisationCode) || supervised.contains(organisationCode);
    }

    /** The bodies whose leads and cases the user reads (with {@link #seesAll()} false): their own and those supervised. */
    public Set<String> bodies() {
        Set<String> bodies = new HashSet<>(groups);
        bodies.addAll(supervised);
        return bodies;
    }
}
