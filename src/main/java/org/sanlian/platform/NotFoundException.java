package org.sanlian.platform;

import java.util.Map;

/** A domain object that does not exist, or that the caller may not see: answered as 404, in Chinese. */
public class NotFoundException extends RuntimeException {

    /** The kinds the code names, as an officer reads them ("没有找到 archive of case …" mixed two languages). */
    private static final Map<String, String> CHINESE = Map.ofEntries(
            Map.entry("archive of case", "归档案卷"), Map.entry("assistance", "协查"), Map.entry("case", "案件"),
            Map.entry("case number", "案号"), Map.entry("document", "文书"), Map.entry("document render job", "文书生成任务"),
            Map.entry("draw of", "抽取记录"), Map.entry("enterprise", "企业"), Map.entry("evidence", "证据"),
            Map.entry("hand-over", "移交记录"), Map.entry("inspection plan", "检查计划"),
            Map.entry("joint operation", "联合执法行动"), Map.entry("lead", "案源"), Map.entry("organisation", "单位"),
            Map.entry("transfer", "管辖事项"), Map.entry("violation", "违法行为"), Map.entry("visit", "检查记录"));

    public NotFoundException(String kind, Object id) {
        super("没有找到" + CHINESE.getOrDefault(kind, kind) + " " + id);
    }
}
