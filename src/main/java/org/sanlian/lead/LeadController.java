package org.sanlian.lead;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.sanlian.security.Visibility;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leads as the domain API shows them. A body sees its own leads; the city legal supervisors and the
 * administrators see all. Leads are registered through the leadIntake process (Tasklist or /engine-rest).
 */
@RestController
@RequestMapping("/api/leads")
@Tag(name = "leads", description = "案源")
class LeadController {

    private final LeadService leadService;
    private final org.sanlian.organisation.Officers officers;

    public LeadController(LeadService leadService, org.sanlian.organisation.Officers officers) {
        this.leadService = leadService;
        this.officers = officers;
    }

    public record LeadView(String leadNumber, LeadSource source, String sourceName, String organisationCode,
            String partyName, String plateNumber, LocalDate occurredOn, boolean actContinuing, LocalDate actEndedOn,
            boolean lifeOrFinanceHarm, LimitationView limitation, String place, String summary,
            LeadStatus status, String statusName, String registeredBy, Instant registeredAt,
            String processInstanceId) {

        static LeadView of(Lead lead, LimitationView limitation) {
            return new LeadView(lead.getLeadNumber(), lead.getSource(), lead.getSource().chineseName(),
                    lead.getOrganisationCode(), lead.getPartyName(), lead.getPlateNumber(), lead.getOccurredOn(),
                    lead.isActContinuing(), lead.getActEndedOn(), lead.isLifeOrFinanceHarm(), limitation,
                    lead.getPlace(), lead.getSummary(), lead.getStatus(), lead.getStatus().chineseName(),
                    lead.getRegisteredBy(), lead.getRegisteredAt(), lead.getProcessInstanceId());
        }
    }

    /** 追责期限 (行政处罚法 Art. 36) of the act today; absent while the act's date is unknown. */
    public record LimitationView(String period, LocalDate runsFrom, LocalDate lastDay, long daysLeft, boolean expired,
            boolean warning, String text) {
    }

    private LeadView view(Lead lead) {
        LimitationView limitation = leadService.limitationOf(lead)
                .map(s -> new LimitationView(s.periodText(), s.runsFrom(), s.lastDay(), s.daysLeft(), s.expired(),
                        s.nearEnd() || s.expired(), s.text()))
                .orElse(null);
        return LeadView.of(lead, limitation);
    }

    /** One entry of the lead's record: what, who (login and name, as the case's record gives them), when. */
    public record LeadEventView(LeadStatus status, String statusName, String actor, String actorName, String note,
            Instant occurredAt) {
    }

    public record LeadDetail(LeadView lead, List<LeadEventView> history) {
    }

    @GetMapping
    @Operation(summary = "我可见的案源")
    public List<LeadView> list(Authentication user) {
        Visibility visibility = Visibility.of(user);
        return leadService.visibleTo(visibility.bodies(), visibility.seesAll()).stream().map(this::view).toList();
    }

    @GetMapping("/{leadNumber}")
    @Operation(summary = "一条案源及其全过程记录 (行政处罚法第四十七条)")
    public LeadDetail get(@PathVariable String leadNumber, Authentication user) {
        Lead lead = leadService.visibleByNumber(leadNumber, user);
        List<LeadEventView> history = leadService.history(lead).stream()
                .map(e -> new LeadEventView(e.getStatus(), e.getStatus().chineseName(), e.getActor(),
                        e.getActor() == null ? null : officers.name(e.getActor()), e.getNote(), e.getOccurredAt()))
                .toList();
        return new LeadDetail(view(lead), history);
    }
}
