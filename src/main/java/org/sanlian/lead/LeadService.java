package org.sanlian.lead;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sanlian.organisation.Officer;
import org.sanlian.organisation.OfficerRepository;
import org.sanlian.organisation.OrganisationRepository;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers leads and records what happens to them. The process calls it; it owns the lead's data. */
@Service
@Transactional
public class LeadService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Mainland plates: province, issuing-authority letter, five or six characters (new-energy plates have six). */
    public static final Pattern PLATE = Pattern.compile(
            "^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警]$");

    private final LeadRepository leads;
    private final LeadEventRepository events;
    private final OfficerRepository officers;
    private final OrganisationRepository organisations;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    public LeadService(LeadRepository leads, LeadEventRepository events, OfficerRepository officers,
            OrganisationRepository organisations, Optional<Clock> clock, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.leads = leads;
        this.events = events;
        this.officers = officers;
        this.organisations = organisations;
        this.clock = clock.orElse(Clock.system(CHINA));
    }

    /** What a registrant enters on 案源登记; every field as the form sends it. */
    public record Registration(String source, String partyName, String plateNumber, String occurredOn,
            String place, String summary, String organisationCode, String registrant, String processInstanceId) {
    }

    public Lead register(Registration input) {
        List<FieldViolation> violations = new ArrayList<>();
        LeadSource source = parseSource(input.source(), violations);
        String partyName = required("partyName", input.partyName(), 128, violations);
        String summary = required("summary", input.summary(), 2000, violations);
        String plate = blankToNull(input.plateNumber());
        if (plate != null) {
            plate = plate.toUpperCase();
            if (!PLATE.matcher(plate).matches()) {
                violations.add(new FieldViolation("plateNumber", "车牌号格式不正确，例如 甘M12345"));
            }
        }
        LocalDate occurredOn = parseDate("occurredOn", input.occurredOn(), violations);
        String organisationCode = organisationOf(input, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Lead lead = leads.save(new Lead(source, organisationCode, partyName, plate, occurredOn,
                blankToNull(input.place()), summary, input.registrant(), Instant.now(clock),
                input.processInstanceId()));
        lead.assignNumber(String.format("XS%d%06d", LocalDate.now(clock).getYear(), lead.getId()));
        record(lead, LeadStatus.REGISTERED, input.registrant(), source.chineseName());
        return lead;
    }

    public Lead recordVerification(String leadNumber, String findings, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        String text = required("verificationFindings", findings, 2000, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Lead lead = byNumber(leadNumber);
        lead.moveTo(LeadStatus.VERIFIED);
        record(lead, LeadStatus.VERIFIED, actor, text);
        return lead;
    }

    /** The head's filing decision (立案审批, 9号令 Art. 63); not filing needs a recorded reason. */
    public Lead recordFilingDecision(String leadNumber, String decision, String reason, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        LeadStatus outcome = switch (decision == null ? "" : decision) {
            case "file" -> LeadStatus.FILED;
            case "notFile" -> LeadStatus.NOT_FILED;
            case "transfer" -> LeadStatus.TRANSFERRED;
            case "crimeTransfer" -> LeadStatus.CRIME_TRANSFERRED;
            default -> {
                violations.add(new FieldViolation("filingDecision", "必须选择：立案、不予立案、移送管辖或涉嫌犯罪移送"));
                yield null;
            }
        };
        String text = blankToNull(reason);
        if (outcome != null && outcome != LeadStatus.FILED && text == null) {
            violations.add(new FieldViolation("decisionReason", "不予立案或移送时必须写明理由"));
        }
        if (text != null && text.length() > 2000) {
            violations.add(new FieldViolation("decisionReason", "不能超过 2000 字"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Lead lead = byNumber(leadNumber);
        lead.moveTo(outcome);
        record(lead, outcome, actor, text);
        publisher.publishEvent(new LeadDecided(leadNumber, lead.getOrganisationCode(), outcome, text));
        return lead;
    }

    @Transactional(readOnly = true)
    public Lead byNumber(String leadNumber) {
        return leads.findByLeadNumber(leadNumber).orElseThrow(() -> new NotFoundException("lead", leadNumber));
    }

    @Transactional(readOnly = true)
    public List<Lead> visibleTo(Collection<String> organisationCodes, boolean seesAll) {
        return seesAll ? leads.findAllByOrderByIdDesc() : leads.findByOrganisationCodeInOrderByIdDesc(organisationCodes);
    }

    @Transactional(readOnly = true)
    public List<LeadEvent> history(Lead lead) {
        return events.findByLeadIdOrderById(lead.getId());
    }

    private void record(Lead lead, LeadStatus status, String actor, String note) {
        events.save(new LeadEvent(lead.getId(), status, actor, note, Instant.now(clock)));
    }

    private String organisationOf(Registration input, List<FieldViolation> violations) {
        String code = blankToNull(input.organisationCode());
        if (code == null && input.registrant() != null) {
            code = officers.findById(input.registrant()).map(Officer::getOrganisationCode).orElse(null);
        }
        if (code == null) {
            violations.add(new FieldViolation("organisationCode", "必须指明受理机构"));
        } else if (!organisations.existsById(code)) {
            violations.add(new FieldViolation("organisationCode", "没有这个机构: " + code));
        }
        return code;
    }

    private static LeadSource parseSource(String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation("source", "必须选择案源来源"));
            return null;
        }
        try {
            return LeadSource.valueOf(value);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("source", "不是有效的案源来源: " + value));
            return null;
        }
    }

    private LocalDate parseDate(String field, String value, List<FieldViolation> violations) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            if (date.isAfter(LocalDate.now(clock))) {
                violations.add(new FieldViolation(field, "日期不能晚于今天"));
            }
            return date;
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "日期格式应为 YYYY-MM-DD"));
            return null;
        }
    }

    private static String required(String field, String value, int maxLength, List<FieldViolation> violations) {
        String text = blankToNull(value);
        if (text == null) {
            violations.add(new FieldViolation(field, "必填"));
        } else if (text.codePointCount(0, text.length()) > maxLength) {
            violations.add(new FieldViolation(field, "不能超过 " + maxLength + " 字"));
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
