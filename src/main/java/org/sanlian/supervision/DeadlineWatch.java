package org.sanlian.supervision;

import org.sanlian.platform.ChinaTime;
import org.sanlian.deadline.DeadlineKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.sanlian.supervision.CaseRecords.DueTask;
import org.sanlian.supervision.CaseRecords.Subject;
import org.springframework.stereotype.Service;

/**
 * 超期预警 (domain.md §6): every statutory deadline of every lead and case, open or met, with the days left (a
 * negative number is days overdue). A deadline is at risk when it falls due within the warning window
 * (sanlian.supervision.at-risk, a period in application.yaml); closed cases and leads ended without a case keep the
 * deadlines they missed.
 */
@Service
class DeadlineWatch {

    /** Where a deadline stands. */
    public enum State {
        OVERDUE("已超期"), AT_RISK("即将到期"), OPEN("期限内"), MET_LATE("超期办结"), MET("按期办结");

        private final String chineseName;

        State(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    public record Row(String kind, String kindName, String basis, String reference, String caseNumber,
            String leadNumber, String organisationCode, String organisationName, String partyName,
            String subjectStatus, String step, LocalDate dueDate, long daysLeft, State state, String stateName,
            LocalDate completedOn, String processInstanceId) {
    }

    /** What the supervisor asks for; every part may be left out. */
    public record Filter(String organisationCode, String kind, Integer maxDaysLeft, Set<State> states) {
        static final Set<State> NEEDING_ATTENTION = Set.of(State.OVERDUE, State.AT_RISK, State.MET_LATE);

        boolean accepts(Row row) {
            return (organisationCode == null || organisationCode.equals(row.organisationCode()))
                    && (kind == null || kind.equals(row.kind()))
                    && (maxDaysLeft == null || row.daysLeft() <= maxDaysLeft)
                    && (states == null || states.isEmpty() || states.contains(row.state()));
        }
    }

    private static final Set<String> DECIDING_TASKS = Set.of("decidePenalty", "decideNoPenalty", "decideCrimeTransfer");

    private final CaseRecords records;
    private final Clock clock;
    private final Period atRisk;

    public DeadlineWatch(CaseRecords records, Optional<Clock> clock,
            SupervisionSettings settings) {
        this.records = records;
        this.clock = clock.orElse(Clock.system(ChinaTime.CHINA));
        this.atRisk = settings.atRisk();
    }

    /** The deadlines of the bodies in scope that pass the filter, the most overdue first. */
    List<Row> rows(SupervisorScope scope, Filter filter) {
        return all(subject -> scope.covers(subject.organisationCode())).stream().filter(filter::accepts)
                .sorted(Comparator.comparingLong(Row::daysLeft).thenComparing(Row::reference)).toList();
    }

    /** Every deadline of the subjects chosen. */
    List<Row> all(Predicate<Subject> chosen) {
        Map<String, Subject> byInstance = new HashMap<>();
        records.subjects().stream().filter(chosen)
                .forEach(s -> s.processInstanceIds().forEach(id -> byInstance.putIfAbsent(id, s)));
        Map<String, String> bodies = records.organisationNames();
        List<DueTask> tasks = records.tasks(byInstance.keySet()).stream().filter(t -> t.due() != null).toList();
        Map<String, Map<String, Object>> decision = records.variables(byInstance.keySet(),
                DeadlineKind.DECISION_LIMIT_VARIABLE, "decisionMade");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ChinaTime.CHINA);
        List<Row> rows = new ArrayList<>();
        for (DueTask task : tasks) {
            Subject subject = byInstance.get(task.processInstanceId());
            Object limit = decision.getOrDefault(task.processInstanceId(), Map.of()).get(DeadlineKind.DECISION_LIMIT_VARIABLE);
            if (limit instanceof Date date && date.toInstant().equals(task.due())) {
                continue; // the decision-phase tasks carry the 90-day limit, counted once per case below
            }
            DeadlineKind.ofTask(task.taskKey()).ifPresent(kind -> rows.add(row(kind, subject, bodies, task.taskName(),
                    task.due(), task.ended(), now, today)));
        }
        for (Map.Entry<String, Map<String, Object>> entry : decision.entrySet()) {
            if (entry.getValue().get(DeadlineKind.DECISION_LIMIT_VARIABLE) instanceof Date limit) {
                Subject subject = byInstance.get(entry.getKey());
                Instant decided = Boolean.TRUE.equals(entry.getValue().get("decisionMade"))
                        ? tasks.stream().filter(t -> t.processInstanceId().equals(entry.getKey()))
                                .filter(t -> DECIDING_TASKS.contains(t.taskKey()) && t.ended() != null)
                                .map(DueTask::ended).min(Comparator.naturalOrder()).orElse(limit.toInstant())
                        : null;
                rows.add(row(DeadlineKind.DECISION_LIMIT, subject, bodies, "作出处理决定", limit.toInstant(), decided,
                        now, today));
            }
        }
        return rows;
    }

    private Row row(DeadlineKind kind, Subject subject, Map<String, String> bodies, String step, Instant due,
            Instant done, Instant now, LocalDate today) {
        LocalDate dueDate = LocalDate.ofInstant(due, ChinaTime.CHINA);
        LocalDate doneOn = done == null ? null : LocalDate.ofInstant(done, ChinaTime.CHINA);
        long daysLeft = ChronoUnit.DAYS.between(doneOn != null ? doneOn : today, dueDate);
        State state;
        if (done != null) {
            state = done.isAfter(due) ? State.MET_LATE : State.MET;
        } else if (now.isAfter(due)) {
            state = State.OVERDUE;
        } else {
            state = !dueDate.isAfter(today.plus(atRisk)) ? State.AT_RISK : State.OPEN;
        }
        return new Row(kind.name(), kind.chineseName(), kind.basis(), subject.reference(), subject.caseNumber(),
                subject.leadNumber(), subject.organisationCode(),
                bodies.getOrDefault(subject.organisationCode(), subject.organisationCode()), subject.partyName(),
                subject.statusName(), step, dueDate, daysLeft, state, state.chineseName(), doneOn,
                subject.processInstanceId());
    }
}
