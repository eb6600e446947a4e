package org.sanlian.deadline;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The statutory deadlines a supervisor watches (domain.md §2.17, §6 "超期预警"), each with its Chinese name, its
 * legal basis and the user tasks of the models whose due date it sets. The 90-day decision limit is one
 * deadline per case, although every decision-phase task carries it as its due date.
 */
public enum DeadlineKind {
    FILING("立案决定期限", "《交通运输行政执法程序规定》第六十二条、第六十三条（及时决定是否立案）", Set.of("verifyLead", "decideFiling")),
    PRESERVATION("先行登记保存处理期限（7 个工作日）", "《行政处罚法》第五十六条、第八十五条", Set.of("decidePreservation")),
    SEIZURE("扣押期限（30 日，可延长 30 日）", "《行政强制法》第二十五条", Set.of("reviewSeizure")),
    DECISION_LIMIT("办案期限（立案之日起 90 日）", "《行政处罚法》第六十条", Set.of()),
    STATEMENT("陈述申辩期间", "《行政处罚法》第四十四条、第四十五条", Set.of("statementAndRecheck")),
    HEARING("听证期间（提前 7 日通知）", "《行政处罚法》第六十四条、第八十五条", Set.of("holdHearing")),
    CRIME_TRANSFER("涉嫌犯罪案件移送期限", "《行政执法机关移送涉嫌犯罪案件的规定》第五条", Set.of("decideCrimeTransfer", "sendCrimeTransfer")),
    POLICE_FILING("公安机关立案审查与复议期限（3 日）", "《行政执法机关移送涉嫌犯罪案件的规定》第八条、第九条", Set.of("recordPoliceFilingDecision")),
    SERVICE("决定书送达期限（7 个工作日）", "《行政处罚法》第六十一条", Set.of("serveDecision")),
    PAYMENT("缴纳罚款期限（15 日）", "《行政处罚法》第六十七条", Set.of("recordPayment", "recordBankPayment")),
    DEFERRAL("暂缓或分期缴纳审批期限（本地规定）", "《行政处罚法》第六十六条第二款（法律未规定审批期间）", Set.of("approveDeferral")),
    COURT("催告与申请法院强制执行期间", "《行政强制法》第五十三条、第五十四条", Set.of("issueReminder", "applyToCourt")),
    SUMMARY("当场处罚程序期限", "《行政处罚法》第五十一条、第五十二条，《交通运输行政执法程序规定》第六十一条", Set.of("informParty", "issueOnTheSpotDecision", "fileDecisionCopy")),
    CASH_HAND_OVER("当场收缴罚款交回期限（2 个工作日）", "《行政处罚法》第七十一条", Set.of("handOverCash")),
    ASSISTANCE("协助调查期限", "《行政处罚法》第二十六条", Set.of("answerAssistance")),
    HAND_OVER("移交案件接收期限", "本地规定（三联执法监管联动机制，法律未规定期间）", Set.of("acceptHandOver", "acceptBureauLead")),
    CLOSURE("结案报告与审批期限（本地规定）", "本地规定（法律未规定结案报告与审批的期间）", Set.of("closeCase", "approveClosure"));

    /** The variable that holds the 90-day limit; tasks due on it belong to {@link #DECISION_LIMIT}. */
    public static final String DECISION_LIMIT_VARIABLE = "decisionDeadline";

    private final String chineseName;
    private final String basis;
    private final Set<String> taskKeys;

    DeadlineKind(String chineseName, String basis, Set<String> taskKeys) {
        this.chineseName = chineseName;
        this.basis = basis;
        this.taskKeys = taskKeys;
    }

    public String chineseName() {
        return chineseName;
    }

    public String basis() {
        return basis;
    }

    /** The deadline a user task's due date stands for, if it is one the supervisor watches. */
    public static Optional<DeadlineKind> ofTask(String taskKey) {
        return Arrays.stream(values()).filter(kind -> kind.taskKeys.contains(taskKey)).findFirst();
    }
}
