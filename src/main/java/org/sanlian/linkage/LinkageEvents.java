package org.sanlian.linkage;

import java.util.HashMap;
import java.util.Map;
import org.sanlian.casefile.CaseConcluded;
import org.sanlian.penalty.PenaltyDecided;
import org.sanlian.lead.Lead;
import org.sanlian.lead.LeadDecided;
import org.sanlian.lead.LeadStatus;
import org.sanlian.penalty.FineDecided;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Listens to the case engine: when a lead is not filed or a case ends, the outcome goes to whoever handed it
 * over (抄告) — as the case's record states it, nobody types it again; when a fine is decided, in the general or the
 * summary procedure, it enters the fine register, which refuses a second fine for the same act (行政处罚法 Art. 29).
 */
@Component
class LinkageEvents {

    private final HandOvers handOvers;
    private final LinkageEngine engine;
    private final FineRegister fines;

    public LinkageEvents(HandOvers handOvers, LinkageEngine engine, FineRegister fines) {
        this.handOvers = handOvers;
        this.engine = engine;
        this.fines = fines;
    }

    @EventListener
    public void caseConcluded(CaseConcluded event) {
        String outcome = switch (event.outcome() == null ? "" : event.outcome()) {
            case "decidePenalty" -> "penalty";
            case "decideNoPenalty" -> "noPenalty";
            case "decideCrimeTransfer" -> "crimeTransfer";
            default -> "closed";
        };
        String summary = "案件 " + event.caseNumber() + " " + event.status().chineseName() + "："
                + (event.summary() == null ? "已结案" : event.summary());
        conclude(event.leadNumber(), outcome, summary, event.caseNumber());
    }

    @EventListener
    public void leadDecided(LeadDecided event) {
        if (event.status() == LeadStatus.FILED) {
            return;
        }
        String outcome = switch (event.status()) {
            case NOT_FILED -> "notFiled";
            case TRANSFERRED -> "transferred";
            default -> "crimeTransfer";
        };
        conclude(event.leadNumber(), outcome, "案源 " + event.leadNumber() + " " + event.status().chineseName() + "："
                + event.reason(), null);
    }

    @EventListener
    public void fineDecided(FineDecided event) {
        if (event.fine() == null || event.fine().signum() <= 0) {
            return;
        }
        fines.record(new FineRegister.Decision(event.organisationCode(), event.decisionNumber(), event.partyName(),
                event.partyId(), event.plateNumber(), event.violationCode(), event.actDate(), event.fine(),
                event.reference(), event.actor()), event.field());
    }

    private void conclude(String leadNumber, String outcome, String summary, String caseNumber) {
        handOvers.leadConcluded(leadNumber, outcome, summary);
        Map<String, Object> variables = new HashMap<>();
        variables.put("outcome", outcome);
        variables.put("outcomeSummary", summary);
        if (caseNumber != null) {
            variables.put("caseNumber", caseNumber);
        }
        engine.leadConcluded(leadNumber, variables);
    }
}
