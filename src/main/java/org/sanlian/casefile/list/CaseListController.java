package org.sanlian.casefile.list;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.sanlian.security.Visibility;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The handlers' case list (cases.html, linked from Tasklist's header): the cases of the user's bodies only. */
@RestController
@Tag(name = "cases", description = "案件")
class CaseListController {

    private final CaseList caseList;

    public CaseListController(CaseList caseList) {
        this.caseList = caseList;
    }

    @GetMapping("/api/case-list")
    @Operation(summary = "本单位案件 / 我的案件：按当事人、车牌号、案号或案源编号（开头）查找，最新的至多 limit 件（≤ 200）")
    public List<CaseList.Row> list(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "" + CaseList.MAX_ROWS) int limit, Authentication user) {
        Visibility visibility = Visibility.of(user);
        return caseList.of(visibility.bodies(), visibility.seesAll(), user.getName(), q, mine, limit);
    }
}
