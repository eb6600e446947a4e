package org.sanlian.publication;

import static org.sanlian.platform.ChinaTime.CHINA;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.sanlian.platform.Json;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.penalty.PenaltyDecided;
import org.sanlian.casefile.party.CaseParties;
import org.sanlian.casefile.party.CaseParty;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 公示 of penalty decisions (行政处罚法 Art. 48; 国办发〔2018〕118号: within 7 working days, domain.md §2.9) and the
 * push to the credit platform (双公示, domain.md §6). The decision's transaction writes the redacted record and two
 * outbox messages; {@link OutboxDelivery} delivers them afterwards, so a platform that is down never blocks or loses a
 * decision.
 */
@Service
@Transactional
class Publications {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final PublishedDecisionRepository decisions;
    private final OutboxMessageRepository outbox;
    private final CaseParties parties;
    private final WorkingDayCalendar calendar;
    private final PublicationSettings settings;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Publications(PublishedDecisionRepository decisions, OutboxMessageRepository outbox, CaseParties parties,
            WorkingDayCalendar calendar, PublicationSettings settings, JdbcTemplate jdbc, Optional<Clock> clock) {
        this.decisions = decisions;
        this.outbox = outbox;
        this.parties = parties;
        this.calendar = calendar;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.system(CHINA));
    }

    /** The published record: only redacted data. */
    public record PublicDecision(String decisionNumber, String organisationName, String partyKind, String partyName,
            String creditCode, String penalty, BigDecimal fine, LocalDate decidedOn, LocalDate publishedOn) {
    }

    /** Supervision's view of one decision's publication. */
    public record PublicationStatus(String decisionNumber, String caseNumber, String organisationCode,
            LocalDate decidedOn, LocalDate publishDue, Instant publishedAt, boolean late, List<MessageView> messages) {
    }

    public record MessageView(long id, String kind, String kindName, String decisionNumber, String organisationCode,
            String status, String statusName, int attempts, int maxAttempts, Instant nextAttemptAt, String lastError,
            LocalDate dueOn, Instant createdAt, Instant sentAt) {
    }

    /**
     * In the head's approval transaction: a failure here rolls the approval back, so no decision goes without its
     * publication.
     */
    @EventListener
    public void penaltyDecided(PenaltyDecided event) {
        if (decisions.findByDecisionNumber(event.decisionNumber()).isPresent()) {
            return;
        }
        LocalDate decidedOn = LocalDate.now(clock);
        LocalDate due = calendar.addWorkingDays(decidedOn, settings.getPublishWorkingDays()).date();
        Redaction.PublishedParty party = partyOf(event.caseNumber(), event.partyName());
        BigDecimal fine = event.fine() == null ? null : event.fine().setScale(2, java.math.RoundingMode.HALF_UP);
        String penalty = fine != null && fine.signum() > 0 ? "罚款人民币 " + fine.toPlainString() + " 元" : "警告";
        PublishedDecision record = decisions.save(new PublishedDecision(event.decisionNumber(), event.caseNumber(),
                event.organisationCode(), organisationName(event.organisationCode()), party, penalty, fine, decidedOn,
                due));
        String payload = Json.write(JSON, view(record, decidedOn));
        Instant now = clock.instant();
        outbox.save(new OutboxMessage(OutboxMessage.Kind.PUBLISH, event.decisionNumber(), event.organisationCode(),
                payload, settings.getMaxAttempts(), due, now));
        outbox.save(new OutboxMessage(OutboxMessage.Kind.CREDIT_PUSH, event.decisionNumber(),
                event.organisationCode(), payload, settings.getMaxAttempts(), due, now));
    }

    /** The public feed: published decisions, newest first. */
    @Transactional(readOnly = true)
    public List<PublicDecision> published() {
        return decisions.findByPublishedAtIsNotNullOrderByDecidedOnDescIdDesc().stream()
                .map(d -> view(d, LocalDate.ofInstant(d.getPublishedAt(), CHINA))).toList();
    }

    @Transactional(readOnly = true)
    public List<PublicationStatus> statuses() {
        LocalDate today = LocalDate.now(clock);
        return decisions.findAllByOrderByIdDesc().stream().map(d -> new PublicationStatus(d.getDecisionNumber(),
                d.getCaseNumber(), d.getOrganisationCode(), d.getDecidedOn(), d.getPublishDue(), d.getPublishedAt(),
                d.getPublishedAt() == null ? today.isAfter(d.getPublishDue())
                        : LocalDate.ofInstant(d.getPublishedAt(), CHINA).isAfter(d.getPublishDue()),
                outbox.findByDecisionNumberOrderById(d.getDecisionNumber()).stream().map(Publications::view).toList()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<MessageView> messages(OutboxMessage.Status status) {
        return (status == null ? outbox.findAllByOrderByIdDesc() : outbox.findByStatusOrderByIdDesc(status)).stream()
                .map(Publications::view).toList();
    }

    /** A failed message gets a fresh round of attempts, starting now. */
    public MessageView retry(long id) {
        OutboxMessage message = outbox.findById(id).orElseThrow(() -> new NotFoundException("发送记录", id));
        if (message.getStatus() != OutboxMessage.Status.FAILED) {
            throw new InvalidInputException("id", "只有发送失败的记录可以重新发送（当前：" + message.getStatus().chineseName() + "）");
        }
        message.retry(clock.instant(), settings.getMaxAttempts());
        return view(message);
    }

    /** Marks the decision published: the public feed shows it from now on. */
    void publish(String decisionNumber, Instant at) {
        decisions.findByDecisionNumber(decisionNumber).orElseThrow(() -> new NotFoundException("公示记录", decisionNumber))
                .published(at);
    }

    Duration backoffAfter(int failedAttempts) {
        Duration backoff = settings.getInitialBackoff();
        for (int i = 1; i < failedAttempts && backoff.compareTo(settings.getMaxBackoff()) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(settings.getMaxBackoff()) > 0 ? settings.getMaxBackoff() : backoff;
    }

    private Redaction.PublishedParty partyOf(String caseNumber, String partyName) {
        Optional<CaseParties.PartyView> recorded = parties.parties(caseNumber).stream()
                .filter(p -> p.name().equals(partyName)).findFirst();
        // a party never described in the investigation is treated as a natural person: never publish too much
        Redaction.PartyKind kind = recorded.map(CaseParties.PartyView::kind)
                .map(k -> k == CaseParty.Kind.ORGANISATION ? Redaction.PartyKind.ORGANISATION : Redaction.PartyKind.PERSON)
                .orElse(Redaction.PartyKind.PERSON);
        return Redaction.of(kind, partyName, recorded.map(CaseParties.PartyView::idNumber).orElse(null));
    }

    private String organisationName(String code) {
        List<String> names = jdbc.queryForList("SELECT name FROM organisation WHERE code = ?", String.class, code);
        return names.isEmpty() ? code : names.get(0);
    }

    private static PublicDecision view(PublishedDecision d, LocalDate publishedOn) {
        return new PublicDecision(d.getDecisionNumber(), d.getOrganisationName(),
                d.getPartyKind() == Redaction.PartyKind.PERSON ? "自然人" : "法人或其他组织", d.getPartyName(),
                d.getCreditCode(), d.getPenalty(), d.getFine(), d.getDecidedOn(), publishedOn);
    }

    static MessageView view(OutboxMessage m) {
        return new MessageView(m.getId(), m.getKind().name(), m.getKind().chineseName(), m.getDecisionNumber(),
                m.getOrganisationCode(), m.getStatus().name(), m.getStatus().chineseName(), m.getAttempts(),
                m.getMaxAttempts(), m.getNextAttemptAt(), m.getLastError(), m.getDueOn(), m.getCreatedAt(),
                m.getSentAt());
    }
}
