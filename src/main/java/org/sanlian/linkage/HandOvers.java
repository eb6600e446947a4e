package org.sanlian.linkage;

import static org.sanlian.platform.ChinaTime.CHINA;

import static org.sanlian.platform.Inputs.blankToNull;
import static org.sanlian.platform.Inputs.optional;
import static org.sanlian.platform.Inputs.required;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sanlian.organisation.Officer;
import org.sanlian.organisation.BodyChoices;
import org.sanlian.organisation.Officers;
import org.sanlian.organisation.Organisation;
import org.sanlian.organisation.OrganisationKind;
import org.sanlian.organisation.Organisations;
import org.sanlian.platform.identifiers.ChineseIdentifiers;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.Inputs;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hand-overs between bodies (移交): registration with its checks, the receiver's acceptance or return with a
 * reason, and the outcome fed back to the sender (抄告). Each step lands in the hand-over's record.
 */
@Service
@Transactional
public class HandOvers {

    /** 统一社会信用代码 (GB 32100-2015): 18 characters, no I, O, S, V, Z. */

    private final HandOverRepository handOvers;
    private final HandOverEventRepository events;
    private final Officers officers;
    private final Organisations organisations;
    private final BodyChoices bodies;
    private final Watchlist watchlist;
    private final Clock clock;

    public HandOvers(HandOverRepository handOvers, HandOverEventRepository events, Officers officers,
            Organisations organisations, BodyChoices bodies, Watchlist watchlist, Optional<Clock> clock) {
        this.bodies = bodies;
        this.watchlist = watchlist;
        this.handOvers = handOvers;
        this.events = events;
        this.officers = officers;
        this.organisations = organisations;
        this.clock = clock.orElse(Clock.system(CHINA));
    }

    /** What the sender enters, as the form sends it; {@code senderCode} is the registrant's body. */
    public record Registration(String senderCode, String receiverCode, String matter, String partyName,
            String creditCode, String licenceNumber, String plateNumber, String occurredOn, String place,
            String summary, String evidence, String registrant) {
    }

    public HandOver register(Registration input) {
        List<FieldViolation> violations = new ArrayList<>();
        Matter matter = matter(input.matter(), violations);
        String party = required("partyName", input.partyName(), 128, violations);
        String summary = required("summary", input.summary(), 2000, violations);
        String evidence = optional("evidence", input.evidence(), 2000, violations);
        String creditCode = blankToNull(input.creditCode());
        if (creditCode != null) {
            creditCode = creditCode.toUpperCase();
            if (!ChineseIdentifiers.isCreditCode(creditCode)) {
                violations.add(new FieldViolation("creditCode", "统一社会信用代码应为 18 位且校验码正确（GB 32100—2015）"));
            }
        }
        String plate = plate(input.plateNumber(), violations);
        LocalDate occurredOn = date("occurredOn", input.occurredOn(), violations);
        String sender = blankToNull(input.senderCode());
        if (sender == null || !organisations.exists(sender)) {
            violations.add(new FieldViolation("senderCode", "无法确定移交机关"));
        }
        String receiver = blankToNull(input.receiverCode());
        if (receiver == null || !organisations.exists(receiver)) {
            violations.add(new FieldViolation("receiverCode", "必须指明有管辖权的接收机关"));
        } else if (receiver.equals(sender)) {
            violations.add(new FieldViolation("receiverCode", "该事项由本机关主管，无需移交"));
        } else if (isIndustryBureau(sender) && !BodyChoices.offers(receiversOfBureauLead(sender), receiver)) {
            violations.add(new FieldViolation("receiverCode",
                    "应移交本地区有管辖权的综合执法队伍（行政处罚法第二十二条、第二十三条）：" + receiver));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        HandOver handOver = handOvers.save(new HandOver(sender, receiver, matter, party, creditCode,
                blankToNull(input.licenceNumber()), plate, occurredOn, blankToNull(input.place()), summary, evidence,
                input.registrant(), Instant.now(clock)));
        handOver.assignNumber(String.format("YJ%d%06d", LocalDate.now(clock).getYear(), handOver.getId()));
        record(handOver, "handOver", input.registrant(), "移交 " + receiver + "：" + matter.chineseName());
        return handOver;
    }

    /** The receiver's answer: accept, or return with a reason (a return without one is refused). */
    public boolean answer(String handOverNumber, String decision, String reason, String actor) {
        String text = blankToNull(reason);
        if (!"accept".equals(decision) && !"return".equals(decision)) {
            throw new InvalidInputException("acceptance", "须选择接收或退回");
        }
        if ("return".equals(decision) && text == null) {
            throw new InvalidInputException("returnReason", "退回移交须写明理由");
        }
        if (text != null && text.length() > 2000) {
            throw new InvalidInputException("returnReason", "不能超过 2000 字");
        }
        HandOver handOver = byNumber(handOverNumber);
        if ("return".equals(decision)) {
            handOver.returned(text);
            record(handOver, "return", actor, "退回：" + text);
            return false;
        }
        handOver.accepted();
        record(handOver, "accept", actor, "接收");
        if (handOver.getMatter() == Matter.illegalOperation) {
            watchlist.list(handOver.getPlateNumber(), handOver.getPartyName(),
                    "移交接收：" + Matter.illegalOperation.chineseName(), handOver.getHandOverNumber(),
                    handOver.getReceiverCode(), actor);
        }
        return true;
    }

    /** The accepted matter is now a lead of the receiver, registered in leadIntake. */
    public void leadRegistered(String handOverNumber, String leadNumber, String actor) {
        HandOver handOver = byNumber(handOverNumber);
        handOver.leadRegistered(leadNumber);
        record(handOver, "registerLead", actor, "转入案源 " + leadNumber);
    }

    /** The receiver's lead or case has ended: every hand-over that became that lead records the outcome. */
    public List<HandOver> leadConcluded(String leadNumber, String outcome, String outcomeSummary) {
        List<HandOver> concluded = handOvers.findByLeadNumber(leadNumber);
        for (HandOver handOver : concluded) {
            handOver.concluded(outcome, outcomeSummary);
            record(handOver, "feedback", null, outcomeSummary);
        }
        return concluded;
    }

    /** After a return the sender either hands it over again, completed, or withdraws it. */
    public boolean afterReturn(String handOverNumber, String decision, String summary, String evidence, String actor) {
        if (!"resubmit".equals(decision) && !"withdraw".equals(decision)) {
            throw new InvalidInputException("returnDecision", "须选择补充后重新移交或撤回");
        }
        HandOver handOver = byNumber(handOverNumber);
        if ("withdraw".equals(decision)) {
            handOver.withdrawn();
            record(handOver, "withdraw", actor, "撤回");
            return false;
        }
        List<FieldViolation> violations = new ArrayList<>();
        String newSummary = required("summary", summary, 2000, violations);
        String newEvidence = optional("evidence", evidence, 2000, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        handOver.handedOverAgain(newSummary, newEvidence);
        record(handOver, "handOverAgain", actor, "补充后重新移交");
        return true;
    }

    /** 抄告: the outcome reaches the sender as the receiver's record states it. */
    public HandOver concluded(String handOverNumber, String outcome, String outcomeSummary, String actor) {
        HandOver handOver = byNumber(handOverNumber);
        handOver.concluded(outcome, outcomeSummary);
        record(handOver, "feedback", actor, outcomeSummary);
        return handOver;
    }

    public void acknowledged(String handOverNumber, String step, String note, String actor) {
        record(byNumber(handOverNumber), step, actor, note);
    }

    /** Where an industry bureau may hand its supervision leads: the enforcement bodies competent for its area. */
    @Transactional(readOnly = true)
    public List<BodyChoices.Choice> receiversOfBureauLead(String bureauCode) {
        return bodies.enforcementBodiesCovering(bureauCode);
    }

    /** The bureau the user works for, if any. */
    @Transactional(readOnly = true)
    public Optional<String> bureauOf(String userId) {
        return officers.byUserId(userId).map(Officer::getOrganisationCode).filter(this::isIndustryBureau);
    }

    private boolean isIndustryBureau(String code) {
        return organisations.byCode(code).map(o -> o.getKind() == OrganisationKind.INDUSTRY_MANAGEMENT).orElse(false);
    }

    /** A body's name as officers know it; the code itself where no body has it. */
    @Transactional(readOnly = true)
    public String nameOf(String code) {
        return code == null ? "" : organisations.byCode(code).map(o -> o.getName()).orElse(code);
    }

    /** Whether the body is a public security (traffic police) body: its duty group is the police's. */
    @Transactional(readOnly = true)
    public boolean isPolice(String code) {
        return organisations.byCode(code).map(o -> o.getKind() == OrganisationKind.PUBLIC_SECURITY).orElse(false);
    }

    /**
     * The registrant's body, which must be of one of the given kinds: the bureau hands over its supervision leads
     * (bureauLinkage), the enforcement teams and the police hand over to each other (crossHandOver).
     */
    @Transactional(readOnly = true)
    public String senderOf(String registrant, String field, Set<OrganisationKind> kinds) {
        return officers.byUserId(String.valueOf(registrant)).map(Officer::getOrganisationCode)
                .filter(code -> organisations.byCode(code).map(o -> kinds.contains(o.getKind())).orElse(false))
                .orElseThrow(() -> new InvalidInputException(field, "本机关不能发起此类移交"));
    }

    /**
     * The body of the competent kind ({@code transport} or {@code police}, as the DMN competentBody says) in the
     * same area as the sender (行政处罚法 Art. 22: where the act took place).
     */
    @Transactional(readOnly = true)
    public String competentBodyNear(String competentBody, String senderCode) {
        Organisation sender = organisations.byCode(senderCode)
                .orElseThrow(() -> new InvalidInputException("senderCode", "没有这个机构: " + senderCode));
        return organisations.configured().stream()
                .filter(o -> o.getAreaCode().equals(sender.getAreaCode()))
                .filter(o -> "police".equals(competentBody) ? o.getKind() == OrganisationKind.PUBLIC_SECURITY
                        : o.isEnforcementBody())
                .map(Organisation::getCode).findFirst()
                .orElseThrow(() -> new InvalidInputException("matter", "本地区没有主管该事项的机关: " + competentBody));
    }

    @Transactional(readOnly = true)
    public HandOver byNumber(String handOverNumber) {
        return handOvers.findByHandOverNumber(handOverNumber)
                .orElseThrow(() -> new NotFoundException("hand-over", handOverNumber));
    }

    @Transactional(readOnly = true)
    public List<HandOver> visibleTo(Collection<String> organisationCodes, boolean seesAll) {
        return seesAll ? handOvers.findAllByOrderByIdDesc() : handOvers.involving(organisationCodes);
    }

    @Transactional(readOnly = true)
    public List<HandOverEvent> history(HandOver handOver) {
        return events.findByHandOverIdOrderById(handOver.getId());
    }

    private void record(HandOver handOver, String step, String actor, String note) {
        events.save(new HandOverEvent(handOver.getId(), step, actor, note, Instant.now(clock)));
    }

    private static Matter matter(String value, List<FieldViolation> violations) {
        try {
            return Matter.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            violations.add(new FieldViolation("matter", "须选择移交事项"));
            return null;
        }
    }

    static String plate(String value, List<FieldViolation> violations) {
        return Inputs.plate("plateNumber", value, violations);
    }

    private LocalDate date(String field, String value, List<FieldViolation> violations) {
        return Inputs.dateNotAfter(field, value, LocalDate.now(clock), violations);
    }
}
