package org.sanlian.linkage;

import org.sanlian.platform.ChinaTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanlian.platform.ConflictException;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.identifiers.ChineseIdentifiers;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fines transport and the traffic police decide, side by side, in every procedure: the general procedure
 * (处罚决定审批), the summary procedure (当场处罚决定书交付) and the police's fines reported back on a hand-over.
 * 行政处罚法 Art. 29: one illegal act is not fined twice; an act that breaks several rules is fined once, under
 * the rule with the higher fine. The same act is the same day and the same violation (or one not known, as the
 * police report theirs) by the same party: known by its ID number (身份证号) or unified social credit code
 * (统一社会信用代码) under whatever plate, or by the same plate, or — for another body's fine, which may carry no
 * more than the name — by name where an ID is missing on either side.
 * Such a second fine is refused (409) naming the earlier decision; the bodies then settle which rule applies
 * (执法主体不变, domain.md §1). A fine without the act's date cannot be checked, so it is refused (400).
 * Fines enter one after the other (a locked row), so two fines for the same act decided at once never both enter.
 */
@Service
@Transactional
public class FineRegister {

    /** The field a fine without the act's date is refused on: the act date of the lead, hand-over or on-the-spot form. */
    public static final String ACT_DATE_FIELD = "occurredOn";

    private final FineRepository fines;
    private final EntityManager entityManager;
    private final Clock clock;
    private final org.sanlian.organisation.Organisations organisations;

    public FineRegister(FineRepository fines, EntityManager entityManager, Optional<Clock> clock,
            org.sanlian.organisation.Organisations organisations) {
        this.fines = fines;
        this.entityManager = entityManager;
        this.clock = clock.orElse(Clock.system(ChinaTime.CHINA));
        this.organisations = organisations;
    }

    /**
     * A fine decided: {@code partyId} is the party's ID number or unified social credit code, {@code violationCode}
     * the catalogue's code of the act (null where the deciding body does not say, as the police).
     */
    public record Decision(String organisationCode, String decisionNumber, String partyName, String partyId,
            String plateNumber, String violationCode, LocalDate actDate, BigDecimal fine, String reference,
            String actor) {
    }

    /**
     * Enters the fine, or refuses it: 400 on {@link #ACT_DATE_FIELD} without the act's date, 409 on {@code field}
     * naming the earlier decision when the same act was fined already.
     */
    public FineRecord record(Decision decision, String field) {
        if (decision.actDate() == null) {
            throw new InvalidInputException(ACT_DATE_FIELD, "未载明违法行为发生日期，无法核对同一违法行为是否已被罚款，"
                    + "不能作出罚款决定（行政处罚法第二十九条）");
        }
        String partyId = ChineseIdentifiers.normalise(blank(decision.partyId()));
        String plate = ChineseIdentifiers.normalise(blank(decision.plateNumber()));
        String violation = blank(decision.violationCode());
        entityManager.createNativeQuery("SELECT id FROM linkage_fine_lock WHERE id = 1 FOR UPDATE").getResultList();
        Optional<FineRecord> earlier = fines.findByActDateOrderById(decision.actDate()).stream()
                .filter(f -> sameViolation(f.getViolationCode(), violation))
                .filter(f -> sameParty(f, decision.organisationCode(), decision.partyName(), partyId, plate))
                .findFirst();
        if (earlier.isPresent()) {
            FineRecord first = earlier.get();
            // the body by its name, as an officer knows it (found in Chromium: "xifeng 已对当事人…")
            String body = organisations.byCode(first.getOrganisationCode()).map(o -> o.getName())
                    .orElse(first.getOrganisationCode());
            throw new ConflictException(field, "同一违法行为不得给予两次以上罚款（行政处罚法第二十九条）：" + body
                    + " 已对当事人 " + first.getPartyName() + " " + first.getActDate() + " 的行为作出罚款决定 "
                    + first.getDecisionNumber() + "（" + matchedBy(first, partyId, plate) + "）",
                    Map.of("decisionNumber", first.getDecisionNumber(), "organisationCode", first.getOrganisationCode(),
                            "partyName", first.getPartyName(), "actDate", first.getActDate().toString(),
                            "fine", first.getFine().toPlainString(), "matchedBy", matchedBy(first, partyId, plate)));
        }
        return fines.save(new FineRecord(decision.organisationCode(), decision.decisionNumber(), decision.partyName(),
                partyId, plate, violation, decision.actDate(), decision.fine(), decision.reference(), decision.actor(),
                Instant.now(clock)));
    }

    /** The same violation, or one of the two not known (a police fine): then it may be the same act. */
    private static boolean sameViolation(String earlier, String violation) {
        return earlier == null || violation == null || earlier.equals(violation);
    }

    /**
     * The same party: the same ID number or credit code, or the same plate, or, for another body's fine, the same
     * name unless both carry an ID and the IDs differ (two people of one name). Within one body a name alone is too
     * weak (同名): its own leads are tied by the lead pool and its parties by the ID the investigation records.
     */
    private static boolean sameParty(FineRecord earlier, String organisationCode, String partyName, String partyId,
            String plate) {
        if (partyId != null && partyId.equals(earlier.getPartyId())) {
            return true;
        }
        if (plate != null && plate.equals(earlier.getPlateNumber())) {
            return true;
        }
        boolean bothIdentified = partyId != null && earlier.getPartyId() != null;
        return !bothIdentified && !earlier.getOrganisationCode().equals(organisationCode) && partyName != null && partyName.strip().equals(earlier.getPartyName());
    }

    private static String matchedBy(FineRecord earlier, String partyId, String plate) {
        if (partyId != null && partyId.equals(earlier.getPartyId())) {
            return "证件号码 " + partyId;
        }
        if (plate != null && plate.equals(earlier.getPlateNumber())) {
            return "车牌 " + plate;
        }
        return "当事人 " + earlier.getPartyName();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Transactional(readOnly = true)
    public List<FineRecord> all() {
        return fines.findAll();
    }
}
