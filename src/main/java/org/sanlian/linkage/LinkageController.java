package org.sanlian.linkage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.lead.LeadService;
import org.sanlian.organisation.Officer;
import org.sanlian.organisation.Officers;
import org.sanlian.organisation.Role;
import org.sanlian.platform.InvalidInputException;
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

    /** 案源编号 as LeadService numbers them (XS + year + serial). */
    private static final Pattern LEAD_NUMBER = Pattern.compile("XS\\d{10,16}");
    /** 移交编号 (YJ + year + serial). */
    private static final Pattern HAND_OVER_NUMBER = Pattern.compile("YJ\\d{10,16}");
    /** 联合执法行动编号 as JointOperations numbers them (LH + year + serial). */
    private static final Pattern JOINT_OPERATION_NUMBER = Pattern.compile("LH\\d{10,16}");
    /** 案号: the body's prefix, the year in 〔〕 and the serial, e.g. 庆交执西立〔2026〕1号 (domain.md §3.3). */
    private static final Pattern CASE_NUMBER = Pattern.compile("[^〔〕\\s]{1,32}〔\\d{4}〕[1-9]\\d{0,8}号");

    private final HandOvers handOvers;
    private final Watchlist watchlist;
    private final Officers officers;
    private final CaseFiles caseFiles;
    private final LeadService leads;
    private final JointOperations jointOperations;

    public LinkageController(HandOvers handOvers, Watchlist watchlist, Officers officers, CaseFiles caseFiles,
            LeadService leads, JointOperations jointOperations) {
        this.handOvers = handOvers;
        this.watchlist = watchlist;
        this.officers = officers;
        this.caseFiles = caseFiles;
        this.leads = leads;
        this.jointOperations = jointOperations;
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
        String reference = reference(request.reference(), user);
        return WatchView.of(watchlist.list(request.plateNumber(), request.partyName(), request.reason(),
                reference, organisation, user.getName()));
    }

    /**
     * What a listing refers to, when it names anything: a case number, a lead number, a hand-over number or a joint
     * operation's number (its organiser's or its police body's officers read it) the caller
     * may read — as the process's own listings refer to the hand-over or operation they came from. Anything else,
     * and a number the caller may not read (answered as if it did not exist), is refused naming {@code reference}.
     */
    private String reference(String written, Authentication user) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String reference = written.strip();
        Visibility visibility = Visibility.of(user);
        boolean readable;
        try {
            if (LEAD_NUMBER.matcher(reference).matches()) {
                readable = visibility.sees(leads.byNumber(reference).getOrganisationCode());
            } else if (HAND_OVER_NUMBER.matcher(reference).matches()) {
                HandOver handOver = handOvers.byNumber(reference);
                readable = visibility.sees(handOver.getSenderCode()) || visibility.sees(handOver.getReceiverCode());
            } else if (JOINT_OPERATION_NUMBER.matcher(reference).matches()) {
                JointOperation operation = jointOperations.byNumber(reference);
                readable = visibility.sees(operation.getOrganiserCode()) || visibility.sees(operation.getPoliceCode());
            } else if (CASE_NUMBER.matcher(reference).matches()) {
                readable = caseFiles.visibleByNumber(reference, user) != null;
            } else {
                throw new InvalidInputException("reference",
                        "关联编号应为案号（如 庆交执西立〔2026〕1号）、案源编号（如 XS2026000001）、移交编号（如 YJ2026000001）或联合执法行动编号（如 LH2026000001）");
            }
        } catch (NotFoundException unknown) {
            readable = false;
        }
        if (!readable) {
            throw new InvalidInputException("reference", "没有您可查看的该案件、案源、移交或联合执法行动：" + reference);
        }
        return reference;
    }

    private static void mayUseWatchlist(Authentication user) {
        if (Visibility.of(user).groups().stream().noneMatch(WATCHLIST_ROLES::contains)) {
            throw new AccessDeniedException("watchlist");
        }
    }
}
