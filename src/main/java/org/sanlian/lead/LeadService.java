package org.sanlian.lead;

import static org.sanlian.platform.ChinaTime.CHINA;

import static org.sanlian.platform.Inputs.blankToNull;
import static org.sanlian.platform.Inputs.required;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.sanlian.organisation.Jurisdictions;
import org.sanlian.organisation.Officer;
import org.sanlian.organisation.Officers;
import org.sanlian.organisation.Organisation;
import org.sanlian.organisation.Organisations;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.Inputs;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.sanlian.platform.identifiers.ChineseIdentifiers;
import org.sanlian.security.Visibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers leads and records what happens to them. The process calls it; it owns the lead's data. */
@Service
@Transactional
public class LeadService {

    /** Rows of {@code lead_pool_lock} (V300): a registration locks the rows its identity keys fall on. */
    static final int LOCK_STRIPES = 64;

    private final LeadRepository leads;
    private final LeadEventRepository events;
    private final Officers officers;
    private final Organisations organisations;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final LeadIdentityKeyRepository identityKeys;
    private final LeadRegistrationRepository registrations;
    private final Jurisdictions jurisdictions;
    private final EntityManager entityManager;
    private final Limitation limitation;

    public LeadService(LeadRepository leads, LeadEventRepository events, Officers officers,
            Organisations organisations, Optional<Clock> clock, LeadIdentityKeyRepository identityKeys,
            LeadRegistrationRepository registrations, Jurisdictions jurisdictions, EntityManager entityManager,
            ApplicationEventPublisher publisher, Limitation limitation) {
        this.limitation = limitation;
        this.publisher = publisher;
        this.identityKeys = identityKeys;
        this.registrations = registrations;
        this.jurisdictions = jurisdictions;
        this.entityManager = entityManager;
        this.leads = leads;
        this.events = events;
        this.officers = officers;
        this.organisations = organisations;
        this.clock = clock.orElse(Clock.system(CHINA));
    }

    /** What a registrant enters on 案源登记; every field as the form sends it. */
    public record Registration(String source, String partyName, String partyIdNumber, String plateNumber,
            String occurredOn, String areaCode, String place, String summary, String organisationCode,
            String registrant, String processInstanceId) {
    }

    /**
     * What the forms say of the act beyond its date (行政处罚法 Art. 36): whether it was continuing or repeated
     * (连续或者继续状态) and the day it ended, and whether it harmed citizens' life and health or financial security.
     * The flags come as the forms send them (a boolean, or "true" through a plain API client).
     */
    public record ActDetails(Object continuing, String endedOn, Object lifeOrFinanceHarm) {

        public static final ActDetails NONE = new ActDetails(null, null, null);
    }

    /**
     * A registration's outcome in the shared pool: a new lead, or ({@code merged}) the lead another body already
     * registered for the same act, which that body holds.
     */
    public record Registered(Lead lead, boolean merged, String registeringOrganisation) {
    }

    /**
     * Registers a lead that must be new: when the pool already holds the act (the same plate or party ID on the same
     * date), it is refused naming the holder, since the same act is not handled twice (行政处罚法 Arts. 25, 29).
     */
    public Lead register(Registration input) {
        Registered registered = registerInPool(input);
        if (registered.merged()) {
            Lead held = registered.lead();
            // the field by which the pool found the act: the party's number when it is the same, else the plate
            // (found in Chromium: the plate was named for a party already registered with another plate)
            boolean sameParty = held.getPartyIdNumber() != null && input.partyIdNumber() != null
                    && held.getPartyIdNumber().equalsIgnoreCase(input.partyIdNumber().strip());
            throw new InvalidInputException(sameParty || held.getPlateNumber() == null ? "partyIdNumber" : "plateNumber",
                    "同一违法行为已由 " + nameOf(held.getOrganisationCode()) + " 登记为案源 " + held.getLeadNumber()
                            + "，不得重复立案处罚（行政处罚法第二十五条、第二十九条）");
        }
        return registered.lead();
    }

    /**
     * Registers a lead in the one pool of all bodies: when the party (credit code / ID number) or the plate was
     * already registered for the same date, the registration lands on that lead — two bodies never open the
     * same case twice — and both bodies' registrations are kept with who holds it.
     */
    public Registered registerInPool(Registration input) {
        return registerInPool(input, ActDetails.NONE);
    }

    /** As {@link #registerInPool(Registration)}, with what the registrant knows of the act (Art. 36). */
    public Registered registerInPool(Registration input, ActDetails act) {
        List<FieldViolation> violations = new ArrayList<>();
        LeadSource source = parseSource(input.source(), violations);
        String partyName = required("partyName", input.partyName(), 128, violations);
        String summary = required("summary", input.summary(), 2000, violations);
        String plate = Inputs.plate("plateNumber", input.plateNumber(), violations);
        String partyId = ChineseIdentifiers.normalise(blankToNull(input.partyIdNumber()));
        if (partyId != null) {
            if (!ChineseIdentifiers.isPartyId(partyId)) {
                violations.add(new FieldViolation("partyIdNumber",
                        "应为有效的 18 位统一社会信用代码 (GB 32100) 或公民身份号码 (GB 11643)，含校验位"));
            }
        }
        String areaCode = blankToNull(input.areaCode());
        if (areaCode != null && !Jurisdictions.AREA_CODE.matcher(areaCode).matches()) {
            violations.add(new FieldViolation("areaCode", "行政区划代码应为 6 位数字 (GB/T 2260)"));
            areaCode = null;
        }
        LocalDate occurredOn = parseDate("occurredOn", input.occurredOn(), violations);
        Act checkedAct = act(occurredOn, act, violations);
        String registeringOrganisation = registrantOrganisation(input);
        String organisationCode = organisationOf(input, areaCode, registeringOrganisation, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String registering = registeringOrganisation != null ? registeringOrganisation : organisationCode;
        List<String> keys = LeadIdentityKey.of(partyId, plate, occurredOn);
        if (!keys.isEmpty()) {
            for (int stripe : lockStripes(keys)) {
                entityManager.createNativeQuery("SELECT id FROM lead_pool_lock WHERE id = ?1 FOR UPDATE")
                        .setParameter(1, stripe).getResultList();
            }
            Optional<LeadIdentityKey> known = identityKeys.findAllById(keys).stream().findFirst();
            if (known.isPresent()) {
                Lead held = leads.findById(known.get().getLeadId()).orElseThrow();
                registrations.save(new LeadRegistration(held.getId(), registering, input.registrant(),
                        Instant.now(clock), input.processInstanceId(), true));
                record(held, LeadStatus.MERGED, input.registrant(), String.format(
                        "%s 的 %s 登记了同一违法行为（%s），已并入本案源，由 %s 办理", nameOf(registering),
                        input.registrant(), known.get().getIdentityKey().replace('|', ' '),
                        nameOf(held.getOrganisationCode())));
                return new Registered(held, true, registering);
            }
        }
        Lead lead = leads.save(new Lead(source, organisationCode, partyName, partyId, plate, occurredOn, areaCode,
                blankToNull(input.place()), summary, input.registrant(), Instant.now(clock),
                input.processInstanceId()));
        lead.recordAct(checkedAct.occurredOn(), checkedAct.continuing(), checkedAct.endedOn(),
                checkedAct.lifeOrFinanceHarm());
        lead.assignNumber(String.format("XS%d%06d", LocalDate.now(clock).getYear(), lead.getId()));
        for (String key : keys) {
            identityKeys.save(new LeadIdentityKey(key, lead.getId()));
        }
        registrations.save(new LeadRegistration(lead.getId(), registering, input.registrant(), Instant.now(clock),
                input.processInstanceId(), false));
        record(lead, LeadStatus.REGISTERED, input.registrant(), source.chineseName());
        return new Registered(lead, false, registering);
    }

    /**
     * The rows of {@code lead_pool_lock} a registration with these identity keys locks, in ascending order (so two
     * registrations never wait for each other in a circle). Two registrations that share a key lock the same row and
     * run one after the other — the second finds the first one's lead and lands on it; registrations of other acts
     * mostly lock other rows and run side by side (issue 16: one row for the whole city made every registration in
     * the city wait for the one before, 38 ms on average at 4 clients). A key's row depends on the key alone
     * ({@link String#hashCode} is the same on every node).
     */
    static SortedSet<Integer> lockStripes(List<String> keys) {
        SortedSet<Integer> stripes = new TreeSet<>();
        for (String key : keys) {
            stripes.add(Math.floorMod(key.hashCode(), LOCK_STRIPES) + 1);
        }
        return stripes;
    }

    /** The bodies that registered a lead, the first one first. */
    @Transactional(readOnly = true)
    public List<LeadRegistration> registrationsOf(Lead lead) {
        return registrations.findByLeadIdOrderById(lead.getId());
    }

    /** The registrations made by these bodies, newest first, whichever body holds the lead now. */
    @Transactional(readOnly = true)
    public List<LeadRegistration> registrationsBy(Collection<String> organisationCodes) {
        return registrations.findByOrganisationCodeInOrderByIdDesc(organisationCodes);
    }

    @Transactional(readOnly = true)
    public Lead byId(Long id) {
        return leads.findById(id).orElseThrow(() -> new NotFoundException("lead", id));
    }

    /** The leads of the pool known by this plate or party ID number for the date of the act. */
    @Transactional(readOnly = true)
    public List<Lead> inPool(String partyIdNumber, String plateNumber, LocalDate occurredOn) {
        List<String> keys = LeadIdentityKey.of(ChineseIdentifiers.normalise(blankToNull(partyIdNumber)),
                ChineseIdentifiers.normalise(blankToNull(plateNumber)), occurredOn);
        return identityKeys.findAllById(keys).stream().map(LeadIdentityKey::getLeadId).distinct()
                .map(id -> leads.findById(id).orElseThrow()).toList();
    }

    /**
     * 移送/指定/提级管辖 of a lead: the receiving body holds it from now on (in the process instance that works it
     * there); the lead's full-process record shows the move.
     */
    public Lead handOver(String leadNumber, String toOrganisation, String processInstanceId, String actor,
            String note) {
        Lead lead = byNumber(leadNumber);
        String from = lead.getOrganisationCode();
        lead.handTo(toOrganisation, processInstanceId);
        if (lead.getStatus() == LeadStatus.TRANSFERRED) {
            // the head's 移送管辖 decision at 立案审批, now carried out: the receiver verifies the lead afresh
            lead.moveTo(LeadStatus.REGISTERED);
        }
        record(lead, LeadStatus.TRANSFERRED, actor,
                String.format("由 %s 移交 %s：%s", nameOf(from), nameOf(toOrganisation), note));
        return lead;
    }

    /**
     * A lead sent away at 立案审批 and designated back to its holder (行政处罚法 Art. 25): the holder verifies it again in
     * the process instance that works it now.
     */
    public Lead resumed(String leadNumber, String processInstanceId, String actor, String note) {
        Lead lead = byNumber(leadNumber);
        lead.handTo(lead.getOrganisationCode(), processInstanceId);
        lead.moveTo(LeadStatus.REGISTERED);
        record(lead, LeadStatus.JURISDICTION, actor, note);
        return lead;
    }

    /**
     * An on-the-spot case that does not qualify for the summary procedure (行政处罚法 Arts. 51, 54): what the officers
     * found and collected on the spot stands as the lead's verification, and the lead goes to its head's 立案审批
     * (9号令 Art. 63) in the leadIntake instance that works it from now on.
     */
    public Lead verifiedOnTheSpot(String leadNumber, String processInstanceId, String findings, String actor) {
        Lead lead = byNumber(leadNumber);
        lead.handTo(lead.getOrganisationCode(), processInstanceId);
        String text = findings.length() > 2000 ? findings.substring(0, 1999) + "…" : findings;
        return recordVerification(leadNumber, text, storedDate(lead), storedDetails(lead), actor);
    }

    /** Records a jurisdiction step (a refusal, a designation) in the lead's full-process record. */
    public void recordJurisdictionStep(String leadNumber, String actor, String note) {
        record(byNumber(leadNumber), LeadStatus.JURISDICTION, actor, note);
    }

    public String nameOf(String organisationCode) {
        return organisations.byCode(organisationCode).map(Organisation::getName).orElse(organisationCode);
    }

    public Lead recordVerification(String leadNumber, String findings, String actor) {
        Lead lead = byNumber(leadNumber);
        return recordVerification(leadNumber, findings, storedDate(lead), storedDetails(lead), actor);
    }

    /**
     * 案源核查: the findings, and the act as verified — its date, whether it continued and until when, whether it
     * harmed life and health or financial security (行政处罚法 Art. 36) — recorded on the lead and in its record.
     */
    public Lead recordVerification(String leadNumber, String findings, String occurredOn, ActDetails details,
            String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        String text = required("verificationFindings", findings, 2000, violations);
        Act act = act(parseDate("occurredOn", occurredOn, violations), details, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Lead lead = byNumber(leadNumber);
        lead.recordAct(act.occurredOn(), act.continuing(), act.endedOn(), act.lifeOrFinanceHarm());
        lead.moveTo(LeadStatus.VERIFIED);
        record(lead, LeadStatus.VERIFIED, actor, text + "\n" + actText(lead));
        return lead;
    }

    /** Where the lead's act stands in its limitation period today (Art. 36); empty while its date is unknown. */
    @Transactional(readOnly = true)
    public Optional<Limitation.Status> limitationOf(Lead lead) {
        return limitation.of(lead);
    }

    /** 立案 of this lead is allowed: its act's date is known and its limitation period has not passed (Art. 36). */
    @Transactional(readOnly = true)
    public void requireFileable(String leadNumber) {
        limitation.requireFileable(byNumber(leadNumber));
    }

    /** The head's filing decision (立案审批, 9号令 Art. 63); not filing needs a recorded reason. */
    public Lead recordFilingDecision(String leadNumber, String decision, String reason, String actor) {
        Lead lead = byNumber(leadNumber);
        return recordFilingDecision(leadNumber, decision, reason, storedDate(lead), storedDetails(lead), actor);
    }

    /**
     * 立案审批 with the act as the head confirms it: filing is refused when the act's date is unknown or its
     * limitation period has passed (行政处罚法 Art. 36); not filing needs a recorded reason.
     */
    public Lead recordFilingDecision(String leadNumber, String decision, String reason, String occurredOn,
            ActDetails details, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        Act act = act(parseDate("occurredOn", occurredOn, violations), details, violations);
        LeadStatus outcome = switch (decision == null ? "" : decision) {
            case "file" -> LeadStatus.FILED;
            case "notFile" -> LeadStatus.NOT_FILED;
            case "transfer" -> LeadStatus.TRANSFERRED;
            case "crimeTransfer" -> {
                // 移送规定 Art. 5: a suspected crime goes to the police only after the case group's written report,
                // the head's approval within 3 days and with the 移送书 within 24 hours — the case's own steps
                // (案件调查报告 → 涉嫌犯罪移送审批 → 移送); ended here, the lead went nowhere and no one was told
                violations.add(new FieldViolation("filingDecision", "涉嫌犯罪的，应当立案，由专案组在案件调查报告中提出涉嫌犯罪移送，"
                        + "经负责人在3日内批准后于24小时内向公安机关移送（《行政执法机关移送涉嫌犯罪案件的规定》第五条、第六条）：请选择立案"));
                yield null;
            }
            default -> {
                violations.add(new FieldViolation("filingDecision", "必须选择：立案、不予立案或移送管辖"));
                yield null;
            }
        };
        String text = blankToNull(reason);
        if (outcome != null && outcome != LeadStatus.FILED && text == null) {
            violations.add(new FieldViolation("decisionReason", "不予立案或移送时必须写明理由"));
        }
        if (text != null && text.length() > 2000) {
            violations.add(new FieldViolation("decisionReason", "不能超过 2000 字"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Lead lead = byNumber(leadNumber);
        lead.recordAct(act.occurredOn(), act.continuing(), act.endedOn(), act.lifeOrFinanceHarm());
        if (outcome == LeadStatus.FILED) {
            limitation.requireFileable(lead);
        }
        lead.moveTo(outcome);
        record(lead, outcome, actor, text);
        publisher.publishEvent(new LeadDecided(leadNumber, lead.getOrganisationCode(), outcome, text));
        return lead;
    }

    @Transactional(readOnly = true)
    public Lead byNumber(String leadNumber) {
        return leads.findByLeadNumber(leadNumber).orElseThrow(() -> new NotFoundException("lead", leadNumber));
    }

    /** The lead as {@code user} may read it: another body's lead is not found (404), as one that does not exist. */
    @Transactional(readOnly = true)
    public Lead visibleByNumber(String leadNumber, Authentication user) {
        return visibleThrough(leadNumber, user, "lead", leadNumber);
    }

    /**
     * The lead of an item reached by its own id (the 当场行政处罚决定书 of an on-the-spot case, kept under the lead
     * number), as {@code user} may read it: for another body's lead the item is not found (404), as one that does
     * not exist — its lead's number is not told.
     */
    @Transactional(readOnly = true)
    public Lead visibleThrough(String leadNumber, Authentication user, String kind, Object id) {
        Lead lead = leads.findByLeadNumber(leadNumber).orElseThrow(() -> new NotFoundException(kind, id));
        if (!Visibility.of(user).sees(lead.getOrganisationCode())) {
            throw new NotFoundException(kind, id);
        }
        return lead;
    }

    /**
     * The lead, read again and its row locked until the caller's transaction ends (SELECT … FOR UPDATE): two transfers
     * of one lead asked for at once wait for each other here, on every node sharing the database. Empty when there is
     * no such lead.
     */
    public Optional<Lead> lockedByNumber(String leadNumber) {
        Optional<Lead> lead = leads.findByLeadNumber(leadNumber);
        lead.ifPresent(found -> entityManager.refresh(found, LockModeType.PESSIMISTIC_WRITE));
        return lead;
    }

    /** The lead, if there is one: for callers to whom a missing lead is no error (a throw would mark their
     * transaction rollback-only). */
    @Transactional(readOnly = true)
    public java.util.Optional<Lead> findByNumber(String leadNumber) {
        return leadNumber == null ? java.util.Optional.empty() : leads.findByLeadNumber(leadNumber);
    }

    /** The leads of these numbers (those that exist), in no particular order. */
    @Transactional(readOnly = true)
    public List<Lead> findByNumbers(Collection<String> leadNumbers) {
        return leadNumbers.isEmpty() ? List.of() : leads.findByLeadNumberIn(leadNumbers);
    }

    /** The numbers of at most {@code limit} leads whose plate starts with {@code prefix} (LIKE pattern), newest first. */
    @Transactional(readOnly = true)
    public List<String> numbersWithPlate(String prefix, int limit) {
        return leads.findNumbersByPlatePrefix(prefix, org.springframework.data.domain.Limit.of(limit));
    }

    @Transactional(readOnly = true)
    public List<Lead> visibleTo(Collection<String> organisationCodes, boolean seesAll) {
        return seesAll ? leads.findAllByOrderByIdDesc() : leads.findByOrganisationCodeInOrderByIdDesc(organisationCodes);
    }

    @Transactional(readOnly = true)
    public List<LeadEvent> history(Lead lead) {
        return events.findByLeadIdOrderById(lead.getId());
    }

    /**
     * The lead's record up to the filing of its case ({@code filedAt}; all of it when null): what befell the lead
     * afterwards (a hand-over with its case) is in the case's own record. The case's full-process record and its
     * documents start with this (行政处罚法 Art. 47).
     */
    @Transactional(readOnly = true)
    public List<LeadEvent> historyUntil(Lead lead, Instant filedAt) {
        return history(lead).stream().filter(e -> filedAt == null || e.getOccurredAt() == null
                || !e.getOccurredAt().isAfter(filedAt)).toList();
    }

    private void record(Lead lead, LeadStatus status, String actor, String note) {
        events.save(new LeadEvent(lead.getId(), status, actor, note, Instant.now(clock)));
    }

    /** The act as checked: a continuing act names the day it ended, not before it began nor after today. */
    private record Act(LocalDate occurredOn, boolean continuing, LocalDate endedOn, boolean lifeOrFinanceHarm) {
    }

    private Act act(LocalDate occurredOn, ActDetails details, List<FieldViolation> violations) {
        boolean continuing = flag(details.continuing());
        LocalDate endedOn = null;
        if (continuing) {
            endedOn = parseDate("actEndedOn", details.endedOn(), violations);
            if (endedOn == null && violations.stream().noneMatch(v -> v.field().equals("actEndedOn"))) {
                violations.add(new FieldViolation("actEndedOn",
                        "连续或者继续状态的违法行为须填写终了日期（仍在继续的填今天）：追责期限自行为终了之日起计算（行政处罚法第三十六条）"));
            }
            if (endedOn != null && occurredOn != null && endedOn.isBefore(occurredOn)) {
                violations.add(new FieldViolation("actEndedOn", "终了日期不能早于违法行为发生日期 " + occurredOn));
            }
        }
        return new Act(occurredOn, continuing, endedOn, flag(details.lifeOrFinanceHarm()));
    }

    private static boolean flag(Object value) {
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value).strip());
    }

    private static String storedDate(Lead lead) {
        return lead.getOccurredOn() == null ? null : lead.getOccurredOn().toString();
    }

    private static ActDetails storedDetails(Lead lead) {
        return new ActDetails(lead.isActContinuing(),
                lead.getActEndedOn() == null ? null : lead.getActEndedOn().toString(), lead.isLifeOrFinanceHarm());
    }

    /** The act as the lead's full-process record keeps it. */
    private String actText(Lead lead) {
        if (lead.getOccurredOn() == null) {
            return "违法行为发生日期：未查明";
        }
        return "违法行为发生日期：" + lead.getOccurredOn()
                + (lead.isActContinuing() ? "，连续或继续状态至 " + lead.getActEndedOn() : "")
                + (lead.isLifeOrFinanceHarm() ? "，涉及公民生命健康安全、金融安全且有危害后果" : "")
                + "；" + limitation.of(lead).map(Limitation.Status::text).orElse("");
    }

    private String registrantOrganisation(Registration input) {
        return input.registrant() == null ? null
                : officers.byUserId(input.registrant()).map(Officer::getOrganisationCode).orElse(null);
    }

    /** Who receives the lead: the body named, else the competent body of the place (Art. 22), else the registrant's. */
    private String organisationOf(Registration input, String areaCode, String registrantOrganisation,
            List<FieldViolation> violations) {
        String code = blankToNull(input.organisationCode());
        if (code == null && areaCode != null) {
            Optional<Organisation> competent = jurisdictions.competentFor(areaCode);
            if (competent.isEmpty()) {
                violations.add(new FieldViolation("areaCode", "本执法网络没有管辖该地区的机构: " + areaCode));
                return null;
            }
            code = competent.get().getCode();
        }
        if (code == null) {
            code = registrantOrganisation;
        }
        if (code == null) {
            violations.add(new FieldViolation("organisationCode", "必须指明受理机构"));
        } else if (!organisations.exists(code)) {
            violations.add(new FieldViolation("organisationCode", "没有这个机构: " + code));
        }
        return code;
    }

    private static LeadSource parseSource(String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation("source", "必须选择案源来源"));
            return null;
        }
        try {
            return LeadSource.valueOf(value);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("source", "不是有效的案源来源: " + value));
            return null;
        }
    }

    private LocalDate parseDate(String field, String value, List<FieldViolation> violations) {
        return Inputs.dateNotAfter(field, value, LocalDate.now(clock), violations);
    }
}
