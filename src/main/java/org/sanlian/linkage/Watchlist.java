package org.sanlian.linkage;

import org.sanlian.platform.ChinaTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.Inputs;
import org.sanlian.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plates and parties involved in illegal operation (非法营运), shared by transport and the traffic police
 * (信息资源共享, domain.md §1). Accepted hand-overs and joint-operation findings of illegal operation are listed
 * by the process; officers may list one by hand.
 */
@Service
@Transactional
class Watchlist {

    private final WatchRepository entries;
    private final Clock clock;

    public Watchlist(WatchRepository entries, Optional<Clock> clock) {
        this.entries = entries;
        this.clock = clock.orElse(Clock.system(ChinaTime.CHINA));
    }

    public WatchEntry list(String plateNumber, String partyName, String reason, String reference,
            String organisationCode, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        String plate = HandOvers.plate(plateNumber, violations);
        String party = Inputs.required("partyName", partyName, 128, violations);
        String why = Inputs.required("reason", reason, 2000, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return entries.save(new WatchEntry(plate, party, why, reference, organisationCode, actor, Instant.now(clock)));
    }

    @Transactional(readOnly = true)
    public List<WatchEntry> find(String plateNumber, String partyName) {
        String plate = Inputs.blankToNull(plateNumber);
        String party = Inputs.blankToNull(partyName);
        if (plate != null) {
            return entries.findByPlateNumberOrderById(plate.toUpperCase());
        }
        if (party != null) {
            return entries.findByPartyNameOrderById(party);
        }
        return entries.findAllByOrderByIdDesc();
    }
}
