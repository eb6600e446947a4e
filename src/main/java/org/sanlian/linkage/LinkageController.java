package org.sanlian.linkage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.sanlian.organisation.Officer;
import org.sanlian.organisation.Officers;
import org.sanlian.organisation.Role;
import org.sanlian.platform.NotFoundException;
import org.sanlian.security.Visibility;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hand-overs as both sides see them (sender and receiver; the city legal supervisors see all) and the shared
 * watchlist of illegal operation, which transport and the traffic police both query.
 */
@RestController
@Tag(name = "linkage", description = "移交、抄告与非法营运关注名单")
class LinkageController {

    /** Roles that work cases or patrols, and the supervisors: they may query and add to the watchlist. */
    private static final Set<String> WATCHLIST_ROLES = Set.of(Role.HANDLER.groupId(), Role.HEAD.groupId(),
            Role.TRAFFIC_POLICE.groupId(), Role.BUREAU_OFFICER.groupId(), Role.LEGAL_SUPERVISOR.groupId(),
            Role.ADMINISTRATOR.groupId());

    private final HandOvers handOvers;
    private final Watchlist watchlist;
    private final Officers officers;

    public LinkageController(HandOvers handOvers, Watchlist watchlist, Officers officers) {
        this.handOvers = handOvers;
        this.watchlist = watchlist;
        this.officers = officers;
    }

    public record HandOverView(String handOverNumber, String senderCode, String receiverCode, Matter matter,
            String matterName, String partyName, String creditCode, String licenceNumber, String plateNumber,
            LocalDate occurredOn, String place, String summary, String evidence, HandOverStatus status,
            String statusName, String returnReason, String leadNumber, String outcome, String outcomeSummary,
            String registeredBy, Instant registeredAt) {

        static HandOverView of(HandOver h) {
            return new HandOverView(h.getHandOverNumber(), h.getSenderCode(), h.getReceiverCode(), h.getMatter(),
                    h.getMatter().chineseName(), h.getPartyName(), h.getCreditCode(), h.getLicenceNumber(),
                    h.getPlateNumber(), h.getOccurredOn(), h.getPlace(), h.getSummary(), h.getEvidence(),
                    h.getStatus(), h.getStatus().chineseName(), h.getReturnReason(), h.getLeadNumber(),
                    h.getOutcome(), h.getOutcomeSummary(), h.getRegisteredBy(), h.getRegisteredAt());
        }
    }

    public record HandOverEventView(String step, String actor, String note, Instant occurredAt) {
    }

    public record HandOverDetail(HandOverView handOver, List<HandOverEventView> history) {
    }

    public record WatchView(String plateNumber, String partyName, String reason, String reference,
            String organisationCode, String listedBy, Instant listedAt) {

        static WatchView of(WatchEntry w) {
            return new WatchView(w.getPlateNumber(), w.getPartyName(), w.getReason(), w.getReference(),
                    w.getOrganisationCode(), w.getListedBy(), w.getListedAt());
        }
    }

    public record WatchRequest(String plateNumber, String partyName, String reason, String reference) {
    }

    @GetMapping("/api/handovers")
    @Operation(summary = "本机关移出或接收的移交")
    public List<HandOverView> handOvers(Authentication user) {
        Visibility visibility = Visibility.of(user);
        return handOvers.visibleTo(visibility.bodies(), visibility.seesAll()).stream().map(HandOverView::of).toList();
    }

    @GetMapping("/api/handovers/{handOverNumber}")
    @Operation(summary = "一件移交及其全过程记录（双方可见）")
    public HandOverDetail handOver(@PathVariable String handOverNumber, Authentication user) {
        HandOver handOver = handOvers.byNumber(handOverNumber);
        Visibility visibility = Visibility.of(user);
        if (!visibility.sees(handOver.getSenderCode()) && !visibility.sees(handOver.getReceiverCode())) {
            throw new NotFoundException("hand-over", handOverNumber);
        }
        return new HandOverDetail(HandOverView.of(handOver), handOvers.history(handOver).stream()
                .map(e -> new HandOverEventView(e.getStep(), e.getActor(), e.getNote(), e.getOccurredAt())).toList());
    }

    @GetMapping("/api/watchlist")
    @Operation(summary = "查询非法营运关注名单（按车牌或当事人）")
    public List<WatchView> watchlist(@RequestParam(required = false) String plate,
            @RequestParam(required = false) String party, Authentication user) {
        mayUseWatchlist(user);
        return watchlist.find(plate, party).stream().map(WatchView::of).toList();
    }

    @PostMapping("/api/watchlist")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "列入非法营运关注名单")
    public WatchView list(@RequestBody WatchRequest request, Authentication user) {
        mayUseWatchlist(user);
        String organisation = officers.byUserId(user.getName()).map(Officer::getOrganisationCode)
                .orElseThrow(() -> new AccessDeniedException("not an officer"));
        return WatchView.of(watchlist.list(request.plateNumber(), request.partyName(), request.reason(),
                request.reference(), organisation, user.getName()));
    }

    private static void mayUseWatchlist(Authentication user) {
        if (Visibility.of(user).groups().stream().noneMatch(WATCHLIST_ROLES::contains)) {
            throw new AccessDeniedException("watchlist");
        }
    }
}
