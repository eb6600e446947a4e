package org.sanlian.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.security.Visibility;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "cases", description = "案件")
class CaseController {

    private final CaseFiles caseFiles;

    public CaseController(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    public record CaseView(String caseNumber, String leadNumber, String organisationCode, String partyName,
            CaseStatus status, String statusName, String filedBy, Instant filedAt, String processInstanceId,
            String transferredFrom) {

        static CaseView of(CaseFile c) {
            return new CaseView(c.getCaseNumber(), c.getLeadNumber(), c.getOrganisationCode(), c.getPartyName(),
                    c.getStatus(), c.getStatus().chineseName(), c.getFiledBy(), c.getFiledAt(), c.getProcessInstanceId(),
                    c.getTransferredFrom());
        }
    }

    public record CaseEventView(String step, String actor, String note, Instant occurredAt) {
    }

    @GetMapping
    @Operation(summary = "我可见的案件；按当事人（名称开头）或车牌号（完整）查询时最多返回 limit 件，新案在前")
    public List<CaseView> list(Authentication user, @RequestParam(required = false) String party,
            @RequestParam(required = false) String plate, @RequestParam(defaultValue = "50") int limit) {
        Visibility visibility = Visibility.of(user);
        if ((party != null && !party.isBlank()) || (plate != null && !plate.isBlank())) {
            if (limit < 1 || limit > 500) {
                throw new InvalidInputException(List.of(new FieldViolation("limit", "须在 1 到 500 之间")));
            }
            return caseFiles.search(party, plate, visibility.groups(), visibility.seesAll(), limit).stream()
                    .map(CaseView::of).toList();
        }
        return caseFiles.visibleTo(visibility.groups(), visibility.seesAll()).stream().map(CaseView::of).toList();
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "一个案件（案号，如 庆交执西立〔2026〕1号，需 URL 编码）")
    public CaseView get(@PathVariable String caseNumber, Authentication user) {
        return CaseView.of(caseFiles.visibleByNumber(caseNumber, user));
    }

    @GetMapping("/{caseNumber}/history")
    @Operation(summary = "案件的全过程记录 (行政处罚法第四十七条)")
    public List<CaseEventView> history(@PathVariable String caseNumber, Authentication user) {
        get(caseNumber, user);
        return caseFiles.history(caseNumber).stream()
                .map(e -> new CaseEventView(e.getStep(), e.getActor(), e.getNote(), e.getOccurredAt())).toList();
    }
}
