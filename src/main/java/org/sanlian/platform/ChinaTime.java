package org.sanlian.platform;

import java.time.ZoneId;

/** China Standard Time: the one zone every date the law counts (deadlines, decision and service dates) is read in. */
public final class ChinaTime {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }
}
