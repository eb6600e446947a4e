package org.sanlian.casefile;

import org.sanlian.organisation.Role;
import org.sanlian.security.Visibility;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * Who may change a case through the domain API (evidence, service records): the officers of the body that holds
 * it, and the administrators. Seeing a case is not enough — the city's legal supervisors read every case and
 * change none (domain.md §6), so their writes are refused with 403.
 */
public final class CaseWriteAccess {

    private CaseWriteAccess() {
    }

    public static void requireMayChange(CaseFile caseFile, Authentication user) {
        Visibility visibility = Visibility.of(user);
        if (!visibility.groups().contains(caseFile.getOrganisationCode())
                && !visibility.groups().contains(Role.ADMINISTRATOR.groupId())) {
            throw new AccessDeniedException("只有办理本案的执法机构可以修改案件 " + caseFile.getCaseNumber());
        }
    }
}
