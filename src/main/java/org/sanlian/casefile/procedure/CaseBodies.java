package org.sanlian.casefile.procedure;

import java.util.ArrayList;
import java.util.List;
import org.sanlian.casefile.AssistingBodies;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whose certified officers (执法证) may act in a case as investigators (行政处罚法 Art. 42) or preside over its hearing
 * (Art. 64(4)): the case's own body, and a body that takes part through an accepted assistance request (Art. 26).
 */
@Service
@Transactional(readOnly = true)
public class CaseBodies {

    /** How a refusal names who may be chosen. */
    public static final String WHO = "本案办案机关或经协查请求接受协助的机关持有执法证件的执法人员";

    private final ProcedureFacts facts;
    private final ObjectProvider<AssistingBodies> assisting;

    CaseBodies(ProcedureFacts facts, ObjectProvider<AssistingBodies> assisting) {
        this.facts = facts;
        this.assisting = assisting;
    }

    public List<String> of(String caseNumber) {
        List<String> bodies = new ArrayList<>(List.of(facts.caseFile(caseNumber).getOrganisationCode()));
        assisting.orderedStream().forEach(source -> source.acceptedFor(caseNumber).stream()
                .filter(code -> !bodies.contains(code)).forEach(bodies::add));
        return List.copyOf(bodies);
    }
}
