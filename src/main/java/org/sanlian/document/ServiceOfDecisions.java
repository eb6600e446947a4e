package org.sanlian.document;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.sanlian.penalty.ServiceOfDecision;
import org.springframework.stereotype.Component;

/** The document module's answer to a case asking for its decision to be served: the 送达回证 of the latest decision. */
@Component
class ServiceOfDecisions implements ServiceOfDecision {

    private final ServiceRecords services;

    ServiceOfDecisions(ServiceRecords services) {
        this.services = services;
    }

    @Override
    public Served serveLatestDecision(String caseNumber, boolean penalty, Function<String, Object> input, String actor) {
        ServiceRecord served = services.serveLatest(caseNumber,
                penalty ? DocumentKind.PENALTY_DECISION : DocumentKind.NO_PENALTY_DECISION, input, Map.of(), actor);
        return new Served(served.getEffectiveOn(), served.getMethod().chineseName(), served.getRecipient());
    }

    @Override
    public java.util.Optional<LocalDate> noticeKnowableFrom(String caseNumber) {
        return services.of(caseNumber).stream()
                .filter(record -> record.getDocumentKind() == DocumentKind.PRE_PENALTY_NOTICE)
                .reduce((first, last) -> last)
                .map(ServiceRecord::getServedOn);
    }

    @Override
    public LocalDate countsAsServedOn(String method, LocalDate servedOn) {
        return services.effectiveOn("publicNotice".equals(method) ? ServiceRecord.Method.publicNotice
                : ServiceRecord.Method.direct, servedOn);
    }
}
