package org.sanlian.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.sanlian.lead.LeadStatus;
import org.sanlian.platform.NotFoundException;
import org.sanlian.supervision.CaseRecords.Event;
import org.sanlian.supervision.CaseRecords.Subject;
import org.springframework.stereotype.Service;

/**
 * A case's 全过程记录 (行政处罚法 Art. 47) as a supervisor reads it: who (the officer's name), did what (the
 * step's Chinese name), when; each document and piece of evidence with its SHA-256; every deviation from the
 * discretion benchmark with its approval.
 */
@Service
class CaseTimeline {

    public record Entry(Instant at, String who, String step, String detail, String category, String sha256) {
    }

    /** A request to leave the discretion benchmark, and what the head decided on it. */
    public record Deviation(Instant requestedAt, String requestedBy, String reasons, Instant decidedAt,
            String decidedBy, String decision) {
    }

    public record Timeline(String reference, String caseNumber, String leadNumber, String organisationCode,
            String organisationName, String partyName, String status, List<Entry> entries,
            List<Deviation> deviations, List<DeadlineWatch.Row> deadlines) {
    }

    /** Steps the record names that are not elements of a model. */
    private static final Map<String, String> RECORDED_STEPS = Map.of(
            "deviationRequested", "申请偏离裁量基准",
            "noPenaltyPossible", "可不予处罚仍拟处罚",
            "movedFromSummaryProcedure", "由简易程序转为普通程序",
            "moveToGeneralProcedure", "转为普通程序",
            "registerOnTheSpot", "当场处罚登记",
            "extendSeizure", "延长扣押期限",
            "liftSeizure", "解除扣押",
            "liftPreservation", "解除先行登记保存",
            "archiveCase", "归档");

    private final CaseRecords records;
    private final DeadlineWatch deadlines;

    public CaseTimeline(CaseRecords records, DeadlineWatch deadlines) {
        this.records = records;
        this.deadlines = deadlines;
    }

    Timeline of(SupervisorScope scope, String reference) {
        Subject subject = records.subject(reference).filter(s -> scope.covers(s.organisationCode()))
                .orElseThrow(() -> new NotFoundException("可监督的案件或案源", reference));
        Map<String, String> people = records.officerNames();
        Map<String, String> steps = records.stepNames();
        List<Entry> entries = new ArrayList<>();
        for (Event event : records.leadEvents(subject.leadNumber())) {
            entries.add(new Entry(event.at(), who(people, event.actor()), leadStep(event.step()), event.note(),
                    "案源", null));
        }
        List<Event> caseEvents = new ArrayList<>();
        if (subject.caseNumber() != null) {
            caseEvents.addAll(records.caseEvents(subject.caseNumber()));
        }
        if (!subject.leadNumber().equals(subject.caseNumber())) {
            caseEvents.addAll(records.caseEvents(subject.leadNumber()));
        }
        for (Event event : caseEvents) {
            String step = steps.getOrDefault(event.step(), RECORDED_STEPS.getOrDefault(event.step(), event.step()));
            boolean deviation = "deviationRequested".equals(event.step()) || "approveDeviation".equals(event.step());
            entries.add(new Entry(event.at(), who(people, event.actor()), step, event.note(),
                    deviation ? "裁量偏离" : "办案环节", null));
        }
        if (!subject.leadNumber().equals(subject.caseNumber())) {
            // an on-the-spot case's 当场行政处罚决定书 is kept under its lead number (行政处罚法 Art. 52: never filed)
            records.documents(subject.leadNumber()).forEach(d -> entries.add(documentMade(d, people)));
        }
        if (subject.caseNumber() != null) {
            String number = subject.caseNumber();
            records.documents(number).forEach(d -> entries.add(documentMade(d, people)));
            records.evidence(number).forEach(e -> entries.add(new Entry(e.addedAt(), who(people, e.addedBy()),
                    "收集证据：" + e.type(), join(e.title(), e.fileName()), "证据", e.sha256())));
            records.services(number).forEach(s -> entries.add(new Entry(s.recordedAt(), who(people, s.servedBy()),
                    "送达：" + (s.documentTitle() == null ? "文书" : s.documentTitle()),
                    s.method() + "，受送达人 " + s.recipient() + "，" + s.receipt() + "，送达日 " + s.servedOn(), "送达",
                    null)));
        }
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        List<DeadlineWatch.Row> own = deadlines.all(s -> s.reference().equals(subject.reference())).stream()
                .sorted(Comparator.comparing(DeadlineWatch.Row::dueDate)).toList();
        return new Timeline(subject.reference(), subject.caseNumber(), subject.leadNumber(),
                subject.organisationCode(), records.organisationNames().get(subject.organisationCode()),
                subject.partyName(), subject.statusName(), entries, deviations(caseEvents, people), own);
    }

    private static Entry documentMade(CaseRecords.Document d, Map<String, String> people) {
        return new Entry(d.createdAt(), who(people, d.createdBy()), "制作文书：" + d.title(),
                join(d.documentNumber(), d.fileName()), "文书", d.sha256());
    }

    private static List<Deviation> deviations(List<Event> events, Map<String, String> people) {
        List<Deviation> deviations = new ArrayList<>();
        Event request = null;
        for (Event event : events) {
            if ("deviationRequested".equals(event.step())) {
                if (request != null) {
                    deviations.add(new Deviation(request.at(), who(people, request.actor()), request.note(), null,
                            null, "未审批"));
                }
                request = event;
            } else if ("approveDeviation".equals(event.step()) && request != null) {
                deviations.add(new Deviation(request.at(), who(people, request.actor()), request.note(), event.at(),
                        who(people, event.actor()), event.note()));
                request = null;
            }
        }
        if (request != null) {
            deviations.add(new Deviation(request.at(), who(people, request.actor()), request.note(), null, null,
                    "待审批"));
        }
        return deviations;
    }

    private static String leadStep(String status) {
        try {
            return switch (LeadStatus.valueOf(status)) {
                case REGISTERED -> "案源登记";
                case VERIFIED -> "案源核查";
                case FILED -> "立案审批：立案";
                case NOT_FILED -> "立案审批：不予立案";
                case TRANSFERRED -> "移送管辖";
                case CRIME_TRANSFERRED -> "涉嫌犯罪移送";
                case MERGED -> "重复登记并入";
                case JURISDICTION -> "管辖事项";
            };
        } catch (IllegalArgumentException unknown) {
            return status;
        }
    }

    private static String who(Map<String, String> people, String actor) {
        if (actor == null || actor.isBlank()) {
            return "系统（自动）";
        }
        return people.getOrDefault(actor, actor);
    }

    private static String join(String first, String second) {
        return first == null ? second : second == null ? first : first + "，" + second;
    }
}
