package org.sanlian.network;

import java.util.EnumSet;
import java.util.List;
import org.sanlian.casefile.AssistingBodies;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 协查 accepted (行政处罚法 Art. 26): a body that answered a case's assistance request with its reply (not a refusal)
 * takes part in the case, and its certified officers may investigate or preside in it. A request still open has not
 * been accepted yet; a refused one never is.
 */
@Component
@Transactional(readOnly = true)
class AcceptedAssistance implements AssistingBodies {

    private static final EnumSet<AssistanceRequest.Status> ACCEPTED =
            EnumSet.of(AssistanceRequest.Status.REPLIED, AssistanceRequest.Status.RECEIVED);

    private final AssistanceRequestRepository requests;

    AcceptedAssistance(AssistanceRequestRepository requests) {
        this.requests = requests;
    }

    @Override
    public List<String> acceptedFor(String caseNumber) {
        return requests.findByCaseNumberAndStatusIn(caseNumber, ACCEPTED).stream()
                .map(AssistanceRequest::getAssistingOrganisation).distinct().toList();
    }
}
