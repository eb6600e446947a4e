package org.sanlian.network;

import java.util.Set;
import org.sanlian.organisation.Role;
import org.sanlian.security.Visibility;
import org.springframework.security.core.Authentication;

/**
 * Who calls the network API: the user and the Camunda groups (bodies, roles, duties) they are in; {@code supervised}
 * the bodies of a legal supervisor's own city network, which they read; {@code seesAll} the administrator.
 */
public record Caller(String userId, Set<String> groups, Set<String> supervised, boolean seesAll) {

    static final String NOT_A_CASE_WORKER = "只有办案人员、执法部门负责人或法制审核人员可以办理 (an enforcement role is required)";

    public static Caller of(Authentication user) {
        Visibility visibility = Visibility.of(user);
        return new Caller(user.getName(), visibility.groups(), visibility.supervised(), visibility.seesAll());
    }

    /** Reads what concerns that body: the administrator, the body's own members, its city's legal supervisors. */
    boolean reads(String organisationCode) {
        return seesAll || groups.contains(organisationCode) || supervised.contains(organisationCode);
    }

    boolean belongsTo(String organisationCode) {
        return groups.contains(organisationCode);
    }

    /** Holds a role that works cases (handler, head, legal reviewer): may act for its body on a case. */
    boolean worksCases() {
        return seesAll || Role.worksCases(groups);
    }

    /** A head of that body; the city team's heads designate jurisdiction and take cases up (行政处罚法 Art. 25). */
    boolean isHeadOf(String organisationCode) {
        return groups.contains(Role.HEAD.dutyGroupId(organisationCode));
    }
}
