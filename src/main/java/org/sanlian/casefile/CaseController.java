package org.sanlian.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sanlian.lead.LeadService;
import org.sanlian.lead.LeadStatus;
import org.sanlian.organisation.Officers;
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
    private final LeadService leads;
    private final Officers officers;

    public CaseController(CaseFiles caseFiles, LeadService leads, Officers officers) {
        this.caseFiles = caseFiles;
        this.leads = leads;
        this.officers = officers;
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

    /** One entry of the record: the step, who (login and name), what, when. */
    public record CaseEventView(String step, String actor, String actorName, String note, Instant occurredAt) {
    }

    /** The lead's record steps by what they recorded (its status), as the case's steps are named. */
    private static String leadStep(LeadStatus status) {
        return switch (status) {
            case REGISTERED -> "registerLead";
            case VERIFIED -> "verifyLead";
            case FILED, NOT_FILED, TRANSFERRED -> "decideFiling";
            case CRIME_TRANSFERRED -> "crimeTransfer";
            case MERGED -> "duplicateRegistration";
            case JURISDICTION -> "jurisdiction";
        };
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
            return caseFiles.search(party, plate, visibility.bodies(), visibility.seesAll(), limit).stream()
                    .map(CaseView::of).toList();
        }
        return caseFiles.visibleTo(visibility.bodies(), visibility.seesAll()).stream().map(CaseView::of).toList();
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "一个案件（案号，如 庆交执西立〔2026〕1号，需 URL 编码）")
    public CaseView get(@PathVariable String caseNumber, Authentication user) {
        return CaseView.of(caseFiles.visibleByNumber(caseNumber, user));
    }

    @GetMapping("/{caseNumber}/history")
    @Operation(summary = "案件的全过程记录 (行政处罚法第四十七条)")
    public List<CaseEventView> history(@PathVariable String caseNumber, Authentication user) {
        CaseFile caseFile = caseFiles.visibleByNumber(caseNumber, user);
        // the whole record (Art. 47): from the lead's registration, verification and 立案审批 (and, for a case that
        // came from the summary procedure, what was done on the spot under the lead number) to the case's last step
        List<CaseEventView> entries = new ArrayList<>();
        if (caseFile.getLeadNumber() != null) {
            // the lead's own steps up to the filing (what befell it later is in the case's record already), and the
            // on-the-spot steps recorded under the lead number, which all came before the filing
            leads.findByNumber(caseFile.getLeadNumber()).ifPresent(lead -> leads.historyUntil(lead, caseFile.getFiledAt())
                    .forEach(e -> entries.add(new CaseEventView(leadStep(e.getStatus()), e.getActor(), name(e.getActor()),
                            e.getNote(), e.getOccurredAt()))));
            caseFiles.history(caseFile.getLeadNumber()).forEach(e -> entries.add(view(e)));
        }
        caseFiles.history(caseNumber).forEach(e -> entries.add(view(e)));
        entries.sort(Comparator.comparing(CaseEventView::occurredAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return entries;
    }

    private CaseEventView view(CaseEvent e) {
        return new CaseEventView(e.getStep(), e.getActor(), name(e.getActor()), e.getNote(), e.getOccurredAt());
    }

    private String name(String actor) {
        return actor == null ? null : officers.name(actor);
    }
}
