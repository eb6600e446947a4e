package org.sanlian.casefile;

import java.util.List;

/**
 * The bodies that take part in a case through assistance (协查, 行政处罚法 Art. 26): those that accepted a request of
 * the case's body. The network module, which keeps the requests, answers; the case's step rules ask it which
 * officers may investigate or preside besides the case body's own.
 */
public interface AssistingBodies {

    /** The codes of the bodies whose assistance request for this case was accepted. */
    List<String> acceptedFor(String caseNumber);
}
