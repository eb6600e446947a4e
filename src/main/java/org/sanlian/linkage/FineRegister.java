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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fines transport and the traffic police decide, side by side. 行政处罚法 Art. 29: one illegal act is not
 * fined twice; an act that breaks several rules is fined once, under the rule with the higher fine. So a
 * fine for the same party or plate on the same day as another body's fine is refused (409) naming the
 * earlier decision; the bodies then settle which rule applies (执法主体不变, domain.md §1).
 */
@Service
@Transactional
public class FineRegister {

    private final FineRepository fines;
    private final Clock clock;

    public FineRegister(FineRepository fines, Optional<Clock> clock) {
        this.fines = fines;
        this.clock = clock.orElse(Clock.system(ChinaTime.CHINA));
    }

    public record Decision(String organisationCode, String decisionNumber, String partyName, String plateNumber,
            LocalDate actDate, BigDecimal fine, String reference, String actor) {
    }

    public FineRecord record(Decision decision, String field) {
        List<FineRecord> earlier = fines.sameAct(decision.organisationCode(), decision.partyName(),
                decision.plateNumber(), decision.actDate());
        if (!earlier.isEmpty()) {
            FineRecord first = earlier.get(0);
            throw new ConflictException(field, "同一违法行为不得给予两次以上罚款（行政处罚法第二十九条）：" + first.getOrganisationCode()
                    + " 已于 " + first.getActDate() + " 的行为作出罚款决定 " + first.getDecisionNumber(),
                    Map.of("decisionNumber", first.getDecisionNumber(), "organisationCode", first.getOrganisationCode(),
                            "partyName", first.getPartyName(), "actDate", first.getActDate().toString(),
                            "fine", first.getFine().toPlainString()));
        }
        return fines.save(new FineRecord(decision.organisationCode(), decision.decisionNumber(), decision.partyName(),
                decision.plateNumber(), decision.actDate(), decision.fine(), decision.reference(), decision.actor(),
                Instant.now(clock)));
    }

    @Transactional(readOnly = true)
    public List<FineRecord> all() {
        return fines.findAll();
    }
}
