package org.sanlian.supervision;

import java.util.Set;
import org.sanlian.organisation.Role;
import org.sanlian.security.Visibility;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * Who may supervise which bodies: the city's legal supervisors (法制监督) every body, a head (执法部门负责人)
 * the body he heads, nobody else anything.
 */
record SupervisorScope(Visibility visibility) {

    static SupervisorScope of(Authentication user) {
        Visibility visibility = Visibility.of(user);
        Set<String> groups = visibility.groups();
        if (!groups.contains(Role.LEGAL_SUPERVISOR.groupId()) && !groups.contains(Role.HEAD.groupId())) {
            throw new AccessDeniedException("案件监督仅限法制监督人员和执法部门负责人 (supervisors and heads only)");
        }
        return new SupervisorScope(visibility);
    }

    boolean covers(String organisationCode) {
        return visibility.sees(organisationCode);
    }
}
