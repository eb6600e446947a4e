package org.sanlian.casefile;

import org.sanlian.organisation.Role;
import org.sanlian.security.Visibility;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * Who may change a case through the domain API (evidence, service records): the officers of the body that holds
 * it who work cases (handler, head, legal reviewer), and the administrators. Seeing a case is not enough — the
 * city's legal supervisors read every case and change none (domain.md §6) — nor is membership of the body: a
 * process analyst placed in it works no case. Both are refused with 403.
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
        if (!visibility.groups().contains(Role.ADMINISTRATOR.groupId()) && !Role.worksCases(visibility.groups())) {
            throw new AccessDeniedException("只有办案人员、执法部门负责人或法制审核人员可以修改案件 "
                    + caseFile.getCaseNumber() + " (an enforcement role is required)");
        }
    }
}
