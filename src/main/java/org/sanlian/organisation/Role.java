package org.sanlian.organisation;

import java.util.Collection;
import java.util.Optional;

/**
 * The roles of domain.md §9. Each role is a Camunda group of type {@value #GROUP_TYPE}; a role held in one
 * organisation is a "duty" group (organisation code + role suffix, e.g. {@code xifengHandler}) that
 * user tasks name as candidate group.
 */
public enum Role {
    HANDLER("handler", "Handler", "办案人员"),
    HEAD("head", "Head", "执法部门负责人"),
    LEGAL_REVIEWER("legalReviewer", "LegalReviewer", "法制审核人员"),
    LEGAL_SUPERVISOR("legalSupervisor", "Supervisor", "法制监督"),
    BUREAU_OFFICER("bureauOfficer", "Officer", "行业管理人员"),
    TRAFFIC_POLICE("trafficPolice", "Police", "交警"),
    ANALYST("analyst", "Analyst", "流程分析员"),
    ADMINISTRATOR("camunda-admin", "Admin", "系统管理员");

    public static final String GROUP_TYPE = "role";
    public static final String DUTY_GROUP_TYPE = "duty";

    private final String groupId;
    private final String dutySuffix;
    private final String chineseName;

    Role(String groupId, String dutySuffix, String chineseName) {
        this.groupId = groupId;
        this.dutySuffix = dutySuffix;
        this.chineseName = chineseName;
    }

    public String groupId() {
        return groupId;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The candidate group for this role within one organisation, e.g. {@code xifengHandler}. */
    public String dutyGroupId(String organisationCode) {
        return organisationCode + dutySuffix;
    }

    /**
     * Whether these Camunda groups hold a role that works cases (办案人员, 执法部门负责人, 法制审核人员) and so may change a
     * case's record of their body: being a member of the body is not enough — a process analyst or a legal
     * supervisor placed in a body reads, never writes.
     */
    public static boolean worksCases(Collection<String> groupIds) {
        return groupIds.contains(HANDLER.groupId) || groupIds.contains(HEAD.groupId)
                || groupIds.contains(LEGAL_REVIEWER.groupId);
    }

    public static Optional<Role> ofGroupId(String groupId) {
        for (Role role : values()) {
            if (role.groupId.equals(groupId)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
