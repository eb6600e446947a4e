package org.sanlian.casefile;

import java.time.LocalDate;
import java.util.Optional;
import org.sanlian.lead.Lead;
import org.sanlian.lead.LeadService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The date of a case's act, as its lead records it (verified at 案源核查, required at 立案: 行政处罚法 Art. 36). The law
 * applied to the case is the law of that date (Art. 37).
 */
@Service
@Transactional(readOnly = true)
public class CaseActDates {

    private final CaseFileRepository cases;
    private final LeadService leads;

    public CaseActDates(CaseFileRepository cases, LeadService leads) {
        this.cases = cases;
        this.leads = leads;
    }

    /** The act's date; empty for an unknown case or a lead filed before the date was required. */
    public Optional<LocalDate> of(String caseNumber) {
        return Optional.ofNullable(caseNumber).flatMap(cases::findByCaseNumber).map(CaseFile::getLeadNumber)
                .flatMap(leads::findByNumber).map(Lead::getOccurredOn);
    }
}
