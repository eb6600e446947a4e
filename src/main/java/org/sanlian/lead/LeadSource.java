package org.sanlian.lead;

/** Where a lead comes from: the boxes of the 立案登记表 plus the pilot's own channels (domain.md §2.1). */
public enum LeadSource {
    INSPECTION("行政检查发现"),
    COMPLAINT("举报投诉"),
    SUPERIOR("上级交办"),
    SUBORDINATE("下级报请查处"),
    OTHER_DEPARTMENT("有关部门移送"),
    BUREAU("行业管理部门移交"),
    POLICE("公安交警移交"),
    OFFSITE_DEVICE("非现场执法设备记录"),
    RANDOM_INSPECTION("双随机抽查发现"),
    OTHER("其他");

    private final String chineseName;

    LeadSource(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
