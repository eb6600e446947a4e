package org.sanlian.casefile;

import static org.sanlian.platform.ChinaTime.CHINA;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.sanlian.security.Visibility;
import org.springframework.data.domain.Limit;
import org.springframework.security.core.Authentication;
import org.hibernate.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens cases and answers for them. */
@Service
@Transactional
public class CaseFiles {

    private final CaseFileRepository cases;
    private final CaseNumbers caseNumbers;
    private final CaseEventRepository events;
    private final Clock clock;
    private final EntityManager entities;

    public CaseFiles(CaseFileRepository cases, CaseNumbers caseNumbers, CaseEventRepository events,
            Optional<Clock> clock, EntityManager entities) {
        this.entities = entities;
        this.events = events;
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
        Optional<CaseFile> existing = cases.findFirstByLeadNumberOrderByIdAsc(leadNumber);
        if (existing.isPresent()) {
            return existing.get();
        }
        int year = LocalDate.now(clock.withZone(CHINA)).getYear();
        CaseNumber number = caseNumbers.allocate(organisationCode, NumberType.FILING, year, leadNumber, filedBy);
        return cases.save(new CaseFile(number.getFormatted(), leadNumber, organisationCode, partyName, filedBy,
                Instant.now(clock), processInstanceId));
    }

    /**
     * 移送/指定/提级管辖 of a filed case (行政处罚法 Arts. 22–25): the receiving body files it under a number of its
     * own filing series; the new case carries the sender's full-process record (Art. 47) and names the case it came
     * from; the sender's case ends as transferred, its record naming the receiver and the new number.
     */
    public CaseFile transfer(String caseNumber, String toOrganisation, String toOrganisationName, String actor,
            String note) {
        CaseFile sent = byNumber(caseNumber);
        if (sent.getStatus() != CaseStatus.FILED) {
            throw new InvalidInputException("subjectNumber",
                    "案件" + sent.getStatus().chineseName() + "，不能再移送");
        }
        int year = LocalDate.now(clock.withZone(CHINA)).getYear();
        CaseNumber number = caseNumbers.allocate(toOrganisation, NumberType.FILING, year, sent.getLeadNumber(), actor);
        Instant now = Instant.now(clock);
        CaseFile received = cases.save(new CaseFile(number.getFormatted(), sent.getLeadNumber(), toOrganisation,
                sent.getPartyName(), actor, now, null));
        received.receivedFrom(caseNumber);
        for (CaseEvent event : events.findByCaseNumberOrderById(caseNumber)) {
            events.save(new CaseEvent(received.getCaseNumber(), event.getStep(), event.getActor(), event.getNote(),
                    event.getOccurredAt()));
        }
        events.save(new CaseEvent(caseNumber, "transferredOut", actor,
                "移送 " + toOrganisationName + "，接收案号 " + received.getCaseNumber() + "：" + note, now));
        events.save(new CaseEvent(received.getCaseNumber(), "transferReceived", actor,
                "接收移送，原案号 " + caseNumber + "：" + note, now));
        sent.moveTo(CaseStatus.TRANSFERRED);
        return received;
    }

    /** The instance that opened a received case at its new body (the transfer's, as leadIntake's for a filed one). */
    public void attachProcess(String caseNumber, String processInstanceId) {
        byNumber(caseNumber).attachProcess(processInstanceId);
    }

    /** The case reaches a new stage of its procedure (decided, crime-transferred, closed, archived). */
    public void moveTo(String caseNumber, CaseStatus status) {
        byNumber(caseNumber).moveTo(status);
    }

    /** Writes one entry into a case's full-process record (行政处罚法 Art. 47) for a step outside its procedure. */
    public void record(String caseNumber, String step, String actor, String note) {
        byNumber(caseNumber);
        events.save(new CaseEvent(caseNumber, step, actor, note, Instant.now(clock)));
    }

    /**
     * Writes one entry of the summary procedure's full-process record (Art. 47): an on-the-spot penalty files no
     * case, so its reference is the lead number (a case it moves to the general procedure is recorded by number).
     */
    public void recordSummaryStep(String reference, String step, String actor, String note) {
        events.save(new CaseEvent(reference, step, actor, note, Instant.now(clock)));
    }

    @Transactional(readOnly = true)
    public List<CaseEvent> history(String caseNumber) {
        return events.findByCaseNumberOrderById(caseNumber);
    }

    @Transactional(readOnly = true)
    public CaseFile byNumber(String caseNumber) {
        // by its natural id: within one transaction (a step asks for its case many times) read once (issue 16)
        CaseFile found = caseNumber == null ? null
                : entities.unwrap(Session.class).bySimpleNaturalId(CaseFile.class).load(caseNumber);
        if (found == null) {
            throw new NotFoundException("case", caseNumber);
        }
        return found;
    }

    /**
     * The case of an item reached by its own id (a document, an evidence file), as {@code user} may read it: for
     * another body's case the item is not found (404), as one that does not exist — its case's number is not told.
     */
    @Transactional(readOnly = true)
    public CaseFile visibleThrough(String caseNumber, Authentication user, String kind, Object id) {
        CaseFile caseFile = byNumber(caseNumber);
        if (!Visibility.of(user).sees(caseFile.getOrganisationCode())) {
            throw new NotFoundException(kind, id);
        }
        return caseFile;
    }

    /**
     * The case, read again and its row locked until the caller's transaction ends (SELECT … FOR UPDATE): two changes
     * of one case that must not both be made — two transfers of it asked for at once — wait for each other here, on
     * every node sharing the database. Empty when there is no such case (no exception: it would mark the caller's
     * transaction rollback-only).
     */
    public Optional<CaseFile> lockedByNumber(String caseNumber) {
        CaseFile found = caseNumber == null ? null
                : entities.unwrap(Session.class).bySimpleNaturalId(CaseFile.class).load(caseNumber);
        if (found != null) {
            entities.refresh(found, LockModeType.PESSIMISTIC_WRITE);
        }
        return Optional.ofNullable(found);
    }

    /** The case as {@code user} may read it: another body's case is not found (404), as one that does not exist. */
    @Transactional(readOnly = true)
    public CaseFile visibleByNumber(String caseNumber, Authentication user) {
        CaseFile caseFile = byNumber(caseNumber);
        if (!Visibility.of(user).sees(caseFile.getOrganisationCode())) {
            throw new NotFoundException("case", caseNumber);
        }
        return caseFile;
    }

    /**
     * The visible cases of a party (name prefix, as filed or as recorded in the investigation) and/or a plate
     * (exact), newest first, at most {@code limit}: a search that stays fast with a year's cases (issue 16, V91).
     */
    @Transactional(readOnly = true)
    public List<CaseFile> search(String party, String plate, Collection<String> organisationCodes, boolean seesAll,
            int limit) {
        Collection<String> codes = organisationCodes.isEmpty() ? List.of("") : organisationCodes;
        Map<String, CaseFile> found = new LinkedHashMap<>();
        if (plate != null && !plate.isBlank()) {
            cases.findByPlate(plate.strip(), seesAll, codes, Limit.of(limit))
                    .forEach(c -> found.put(c.getCaseNumber(), c));
            if (party != null && !party.isBlank()) {
                found.values().removeIf(c -> !c.getPartyName().startsWith(party.strip()));
            }
        } else if (party != null && !party.isBlank()) {
            String prefix = likePrefix(party.strip());
            Limit max = Limit.of(limit);
            cases.findByPartyPrefix(prefix, seesAll, codes, max).forEach(c -> found.put(c.getCaseNumber(), c));
            cases.findByRecordedPartyPrefix(prefix, seesAll, codes, max).forEach(c -> found.put(c.getCaseNumber(), c));
        }
        return found.values().stream().sorted(Comparator.comparing(CaseFile::getFiledAt).reversed()).limit(limit)
                .toList();
    }

    /**
     * The case list's search (issue 16): the visible cases whose case number, lead number, party (as filed or as
     * recorded) or recorded plate starts with {@code text}, or that were opened for one of {@code leadNumbers};
     * newest first, at most {@code limit}. Every branch reads an index, so the search stays fast with a year's cases.
     * Without {@code text}: the newest visible cases.
     */
    @Transactional(readOnly = true)
    public List<CaseFile> listed(String text, Collection<String> leadNumbers, Collection<String> organisationCodes,
            boolean seesAll, int limit) {
        Collection<String> codes = organisationCodes.isEmpty() ? List.of("") : organisationCodes;
        Limit max = Limit.of(limit);
        if (text == null) {
            return cases.findNewest(seesAll, codes, max);
        }
        String prefix = likePrefix(text);
        Map<String, CaseFile> found = new LinkedHashMap<>();
        cases.findByNumberPrefix(prefix, seesAll, codes, max).forEach(c -> found.put(c.getCaseNumber(), c));
        cases.findByPartyPrefix(prefix, seesAll, codes, max).forEach(c -> found.put(c.getCaseNumber(), c));
        cases.findByRecordedPartyPrefix(prefix, seesAll, codes, max).forEach(c -> found.put(c.getCaseNumber(), c));
        cases.findByPlatePrefix(prefix, seesAll, codes, max).forEach(c -> found.put(c.getCaseNumber(), c));
        if (!leadNumbers.isEmpty()) {
            cases.findByLeadNumbers(leadNumbers, seesAll, codes, max).forEach(c -> found.put(c.getCaseNumber(), c));
        }
        return found.values().stream().sorted(Comparator.comparing(CaseFile::getId).reversed()).limit(limit)
                .toList();
    }

    /** The visible cases among these case numbers (a user's own), newest first. */
    @Transactional(readOnly = true)
    public List<CaseFile> among(Collection<String> caseNumbers, Collection<String> organisationCodes,
            boolean seesAll) {
        if (caseNumbers.isEmpty()) {
            return List.of();
        }
        return cases.findAmong(caseNumbers, seesAll, organisationCodes.isEmpty() ? List.of("") : organisationCodes);
    }

    /** The case numbers of the cases this user filed. */
    @Transactional(readOnly = true)
    public List<String> numbersFiledBy(String userId) {
        return cases.findNumbersFiledBy(userId);
    }

    /** {@code text%} for LIKE, with the user's {@code %} and {@code _} taken as characters. */
    public static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @Transactional(readOnly = true)
    public List<CaseFile> visibleTo(Collection<String> organisationCodes, boolean seesAll) {
        return seesAll ? cases.findAllByOrderByIdDesc() : cases.findByOrganisationCodeInOrderByIdDesc(organisationCodes);
    }
}
