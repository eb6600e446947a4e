package org.sanlian.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.sanlian.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens cases and answers for them. */
@Service
@Transactional
public class CaseFiles {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CaseFileRepository cases;
    private final CaseNumbers caseNumbers;
    private final Clock clock;

    public CaseFiles(CaseFileRepository cases, CaseNumbers caseNumbers, Optional<Clock> clock) {
        this.cases = cases;
        this.caseNumbers = caseNumbers;
        this.clock = clock.orElse(Clock.system(CHINA));
    }

    /**
     * 立案: the case number is assigned at this moment (domain.md §2.2, §3.3), from the filing series of the
     * organisation and the current year, inside the caller's transaction.
     */
    public CaseFile file(String leadNumber, String organisationCode, String partyName, String filedBy,
            String processInstanceId) {
        Optional<CaseFile> existing = cases.findByLeadNumber(leadNumber);
        if (existing.isPresent()) {
            return existing.get();
        }
        int year = LocalDate.now(clock.withZone(CHINA)).getYear();
        CaseNumber number = caseNumbers.allocate(organisationCode, NumberType.FILING, year, leadNumber, filedBy);
        return cases.save(new CaseFile(number.getFormatted(), leadNumber, organisationCode, partyName, filedBy,
                Instant.now(clock), processInstanceId));
    }

    @Transactional(readOnly = true)
    public CaseFile byNumber(String caseNumber) {
        return cases.findByCaseNumber(caseNumber).orElseThrow(() -> new NotFoundException("case", caseNumber));
    }

    @Transactional(readOnly = true)
    public List<CaseFile> visibleTo(Collection<String> organisationCodes, boolean seesAll) {
        return seesAll ? cases.findAllByOrderByIdDesc() : cases.findByOrganisationCodeInOrderByIdDesc(organisationCodes);
    }
}
