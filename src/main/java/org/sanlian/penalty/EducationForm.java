package org.sanlian.penalty;

import java.util.Arrays;
import java.util.List;

/** How the party was educated when not punished (行政处罚法 Art. 33 ¶3), as the decideNoPenalty form offers it. */
public enum EducationForm {
    oral("当面批评教育"), written("书面告诫"), lawStudy("组织学习相关法律法规"), interview("约谈");

    private final String chineseName;

    EducationForm(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
