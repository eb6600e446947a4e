package org.sanlian.supervision;

import org.sanlian.platform.ChinaTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.supervision.CaseRecords.DueTask;
import org.sanlian.supervision.CaseRecords.Subject;
import org.springframework.stereotype.Service;

/**
 * 执法统计 (domain.md §6): cases, fines imposed and collected by body, month of filing, violation and outcome;
 * the average working days each step took; the share of steps finished after their due date; and the spread of
 * the fines decided for one violation in one circumstance tier (类案不同罚).
 */
@Service
public class Statistics {

    /** How a case ended, as far as the record says. */
    public enum Outcome {
        PENALTY("行政处罚"), NO_PENALTY("不予处罚"), CRIME_TRANSFER("移送司法机关"), TRANSFERRED("移送管辖"),
        PENDING("尚未决定"), UNRECORDED("处理意见未记录");

        private final String chineseName;

        Outcome(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /** One case as statistics count it. */
    public record CaseFact(String caseNumber, String organisationCode, YearMonth month, String violationCode,
            String tier, Outcome outcome, BigDecimal fineImposed, BigDecimal fineCollected) {
    }

    public record Group(String organisationCode, String organisationName, String month, String violationCode,
            String violationName, String outcome, String outcomeName, long cases, BigDecimal fineImposed,
            BigDecimal fineCollected) {
    }

    public record Body(String organisationCode, String organisationName, long cases, BigDecimal fineImposed,
            BigDecimal fineCollected, long stepsWithDueDate, long stepsOverdue, BigDecimal overdueRate) {
    }

    public record Step(String organisationCode, String organisationName, String step, String stepName,
            long completed, BigDecimal averageWorkingDays) {
    }

    public record Spread(String violationCode, String violationName, String tier, String tierName, long cases,
            BigDecimal min, BigDecimal max, BigDecimal mean, BigDecimal standardDeviation) {
    }

    public record Report(List<Group> groups, List<Body> bodies, List<Step> steps, List<Spread> spread) {
    }

    static final String NOT_ESTABLISHED = "未认定";
    private static final Map<String, String> TIERS = Map.of("minor", "轻微", "general", "一般", "serious", "严重");

    private final CaseRecords records;
    private final WorkingDayCalendar calendar;

    public Statistics(CaseRecords records, WorkingDayCalendar calendar) {
        this.records = records;
        this.calendar = calendar;
    }

    Report report(SupervisorScope scope, String organisationCode, YearMonth from, YearMonth to) {
        List<Subject> subjects = records.subjects().stream()
                .filter(s -> scope.covers(s.organisationCode()))
                .filter(s -> organisationCode == null || organisationCode.equals(s.organisationCode()))
                .toList();
        List<Subject> cases = subjects.stream().filter(Subject::isCase)
                .filter(s -> within(month(s), from, to)).toList();
        List<CaseFact> facts = facts(cases);
        Map<String, String> bodies = records.organisationNames();
        Map<String, String> violations = records.violationNames();
        // the steps of the cases filed and the leads registered in the period
        Map<String, String> bodyOfInstance = new java.util.HashMap<>();
        subjects.stream().filter(s -> within(month(s), from, to))
                .forEach(s -> s.processInstanceIds().forEach(id -> bodyOfInstance.putIfAbsent(id, s.organisationCode())));
        List<DueTask> tasks = records.tasks(bodyOfInstance.keySet());
        return new Report(groups(facts, bodies, violations), bodies(facts, tasks, bodyOfInstance, bodies),
                steps(tasks, bodyOfInstance, bodies), spread(facts, violations));
    }

    /** The facts of each case: body and month from the case, violation and outcome from its record, the fines. */
    List<CaseFact> facts(List<Subject> cases) {
        Set<String> instances = cases.stream().flatMap(c -> c.processInstanceIds().stream())
                .collect(Collectors.toSet());
        Map<String, Map<String, Object>> variables = records.variables(instances, "violationCode", "circumstanceTier",
                "proposedOutcome", "decisionMade", "paymentOutcome", "amountPaid", "amountReceived");
        Map<String, BigDecimal> fines = records.finesByCase();
        List<CaseFact> facts = new ArrayList<>();
        for (Subject c : cases) {
            Map<String, Object> v = new java.util.HashMap<>();
            c.processInstanceIds().forEach(id -> v.putAll(variables.getOrDefault(id, Map.of())));
            // a fine paid in part and then enforced: what was paid is collected all the same
            BigDecimal collected = "paid".equals(v.get("paymentOutcome")) ? amount(v.get("amountPaid"))
                    : v.get("amountReceived") == null ? BigDecimal.ZERO : amount(v.get("amountReceived"));
            facts.add(new CaseFact(c.caseNumber(), c.organisationCode(), month(c),
                    v.get("violationCode") == null ? NOT_ESTABLISHED : v.get("violationCode").toString(),
                    v.get("circumstanceTier") == null ? null : v.get("circumstanceTier").toString(),
                    outcome(c.status(), v), fines.getOrDefault(c.caseNumber(), BigDecimal.ZERO).setScale(2),
                    collected.setScale(2, RoundingMode.HALF_UP)));
        }
        return facts;
    }

    static Outcome outcome(String caseStatus, Map<String, Object> variables) {
        if ("CRIME_TRANSFERRED".equals(caseStatus)) {
            return Outcome.CRIME_TRANSFER;
        }
        if ("TRANSFERRED".equals(caseStatus)) {
            return Outcome.TRANSFERRED;
        }
        if (!Boolean.TRUE.equals(variables.get("decisionMade"))) {
            return Outcome.PENDING;
        }
        // the investigation report's 处理意见 (行政处罚法 Art. 57): a value it does not offer is no 不予处罚
        Object proposed = variables.get("proposedOutcome");
        return switch (proposed instanceof String value ? value : "") {
            case "penalty" -> Outcome.PENALTY;
            case "noPenalty", "notEstablished" -> Outcome.NO_PENALTY;
            case "crimeTransfer" -> Outcome.CRIME_TRANSFER;
            default -> Outcome.UNRECORDED;
        };
    }

    private static List<Group> groups(List<CaseFact> facts, Map<String, String> bodies, Map<String, String> violations) {
        Map<List<Object>, List<CaseFact>> grouped = facts.stream().collect(Collectors.groupingBy(
                f -> List.of(f.organisationCode(), f.month().toString(), f.violationCode(), f.outcome()),
                LinkedHashMap::new, Collectors.toList()));
        return grouped.values().stream().map(list -> {
            CaseFact first = list.get(0);
            return new Group(first.organisationCode(), bodies.get(first.organisationCode()), first.month().toString(),
                    first.violationCode(), violations.getOrDefault(first.violationCode(), first.violationCode()),
                    first.outcome().name(), first.outcome().chineseName(), list.size(),
                    sum(list, CaseFact::fineImposed), sum(list, CaseFact::fineCollected));
        }).sorted(Comparator.comparing(Group::organisationCode).thenComparing(Group::month)
                .thenComparing(Group::violationCode).thenComparing(Group::outcome)).toList();
    }

    private static List<Body> bodies(List<CaseFact> facts, List<DueTask> tasks, Map<String, String> bodyOfInstance,
            Map<String, String> names) {
        Map<String, List<CaseFact>> byBody = facts.stream().collect(Collectors.groupingBy(CaseFact::organisationCode));
        Map<String, List<DueTask>> dueByBody = tasks.stream().filter(t -> t.due() != null)
                .collect(Collectors.groupingBy(t -> bodyOfInstance.get(t.processInstanceId())));
        java.time.Instant now = java.time.Instant.now();
        List<Body> result = new ArrayList<>();
        for (String body : new java.util.TreeSet<>(union(byBody.keySet(), dueByBody.keySet()))) {
            List<CaseFact> own = byBody.getOrDefault(body, List.of());
            List<DueTask> due = dueByBody.getOrDefault(body, List.of());
            long overdue = due.stream().filter(t -> (t.ended() != null ? t.ended() : now).isAfter(t.due())).count();
            BigDecimal rate = due.isEmpty() ? BigDecimal.ZERO
                    : BigDecimal.valueOf(overdue).divide(BigDecimal.valueOf(due.size()), 4, RoundingMode.HALF_UP);
            result.add(new Body(body, names.get(body), own.size(), sum(own, CaseFact::fineImposed),
                    sum(own, CaseFact::fineCollected), due.size(), overdue, rate));
        }
        return result;
    }

    private List<Step> steps(List<DueTask> tasks, Map<String, String> bodyOfInstance, Map<String, String> names) {
        Map<List<String>, List<DueTask>> byStep = tasks.stream().filter(t -> t.ended() != null)
                .collect(Collectors.groupingBy(t -> List.of(bodyOfInstance.get(t.processInstanceId()), t.taskKey())));
        List<Step> result = new ArrayList<>();
        byStep.forEach((key, list) -> {
            long total = list.stream().mapToLong(t -> workingDaysBetween(
                    LocalDate.ofInstant(t.started(), ChinaTime.CHINA),
                    LocalDate.ofInstant(t.ended(), ChinaTime.CHINA))).sum();
            result.add(new Step(key.get(0), names.get(key.get(0)), key.get(1), list.get(0).taskName(), list.size(),
                    BigDecimal.valueOf(total).divide(BigDecimal.valueOf(list.size()), 2, RoundingMode.HALF_UP)));
        });
        result.sort(Comparator.comparing(Step::organisationCode).thenComparing(Step::step));
        return result;
    }

    /** Working days after the day the step arrived, up to and including the day it was done. */
    long workingDaysBetween(LocalDate arrived, LocalDate done) {
        long days = 0;
        for (LocalDate day = arrived.plusDays(1); !day.isAfter(done); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                days++;
            }
        }
        return days;
    }

    private static List<Spread> spread(List<CaseFact> facts, Map<String, String> violations) {
        Map<List<String>, List<BigDecimal>> fines = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (CaseFact fact : facts) {
            if (fact.fineImposed().signum() > 0) {
                fines.computeIfAbsent(List.of(fact.violationCode(), fact.tier() == null ? "" : fact.tier()),
                        k -> new ArrayList<>()).add(fact.fineImposed());
            }
        }
        List<Spread> result = new ArrayList<>();
        fines.forEach((key, values) -> {
            BigDecimal total = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            double mean = total.doubleValue() / values.size();
            double variance = values.stream().mapToDouble(v -> Math.pow(v.doubleValue() - mean, 2)).sum() / values.size();
            result.add(new Spread(key.get(0), violations.getOrDefault(key.get(0), key.get(0)), key.get(1),
                    TIERS.getOrDefault(key.get(1), key.get(1)), values.size(),
                    values.stream().min(Comparator.naturalOrder()).orElseThrow(),
                    values.stream().max(Comparator.naturalOrder()).orElseThrow(),
                    total.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(Math.sqrt(variance)).setScale(2, RoundingMode.HALF_UP)));
        });
        return result;
    }

    private static YearMonth month(Subject subject) {
        return YearMonth.from(subject.startedAt().atZone(ChinaTime.CHINA));
    }

    private static boolean within(YearMonth month, YearMonth from, YearMonth to) {
        return (from == null || !month.isBefore(from)) && (to == null || !month.isAfter(to));
    }

    private static BigDecimal sum(List<CaseFact> facts, Function<CaseFact, BigDecimal> amount) {
        return facts.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal amount(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException notANumber) {
            return BigDecimal.ZERO;
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        all.remove(null);
        return all;
    }
}
