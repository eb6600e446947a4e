package org.sanlian.supervision;

import org.sanlian.deadline.DeadlineKind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sanlian.platform.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON the Cockpit 案件监督 plugin reads: deadlines of every body, a case's timeline, statistics and their
 * CSV export. Legal supervisors see every body, a head his own; Cockpit calls it with its session (see
 * security/WebappSessionAuthentication), other clients with HTTP Basic.
 */
@RestController
@RequestMapping("/api/supervision")
class SupervisionController {

    private final DeadlineWatch deadlines;
    private final CaseTimeline timeline;
    private final Statistics statistics;
    private final CaseRecords records;
    private final VariableLabels labels;

    public SupervisionController(DeadlineWatch deadlines, CaseTimeline timeline, Statistics statistics,
            CaseRecords records, VariableLabels labels) {
        this.deadlines = deadlines;
        this.timeline = timeline;
        this.statistics = statistics;
        this.records = records;
        this.labels = labels;
    }

    public record Option(String code, String name, String basis) {
    }

    public record Options(List<Option> bodies, List<Option> kinds, List<Option> states) {
    }

    /** What the filters offer: the bodies the caller supervises, the deadline kinds, the states. */
    @GetMapping("/options")
    public Options options(Authentication user) {
        SupervisorScope scope = SupervisorScope.of(user);
        return new Options(
                records.organisationNames().entrySet().stream().filter(e -> scope.covers(e.getKey()))
                        .map(e -> new Option(e.getKey(), e.getValue(), null)).toList(),
                Arrays.stream(DeadlineKind.values()).map(k -> new Option(k.name(), k.chineseName(), k.basis())).toList(),
                Arrays.stream(DeadlineWatch.State.values()).map(s -> new Option(s.name(), s.chineseName(), null)).toList());
    }

    /**
     * The deadlines at risk and overdue (and those met late) of every body in scope, the most overdue first;
     * {@code state=ALL} lists every deadline.
     */
    @GetMapping("/deadlines")
    public List<DeadlineWatch.Row> deadlines(Authentication user,
            @RequestParam(required = false) String organisation, @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer maxDaysLeft, @RequestParam(required = false) String state) {
        SupervisorScope scope = SupervisorScope.of(user);
        if (kind != null && !kind.isBlank()
                && Arrays.stream(DeadlineKind.values()).noneMatch(k -> k.name().equals(kind))) {
            throw new InvalidInputException("kind", "没有这种期限：" + kind);
        }
        return deadlines.rows(scope, new DeadlineWatch.Filter(blankToNull(organisation), blankToNull(kind), maxDaysLeft,
                states(state)));
    }

    /** A lead's or case's timeline, by case number or lead number. */
    @GetMapping("/timeline")
    public CaseTimeline.Timeline timeline(Authentication user, @RequestParam String reference) {
        return timeline.of(SupervisorScope.of(user), reference);
    }

    @GetMapping("/statistics")
    public Statistics.Report statistics(Authentication user, @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return statistics.report(SupervisorScope.of(user), blankToNull(organisation), month("from", from),
                month("to", to));
    }

    /** One table of the statistics as CSV, UTF-8 with a byte-order mark so that Excel shows the Chinese. */
    @GetMapping("/statistics.csv")
    public ResponseEntity<byte[]> statisticsCsv(Authentication user,
            @RequestParam(required = false) String organisation, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "groups") String table) {
        Statistics.Report report = statistics.report(SupervisorScope.of(user), blankToNull(organisation),
                month("from", from), month("to", to));
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL)) {
            switch (table) {
                case "groups" -> {
                    csv.printRecord("执法单位", "立案月份", "违法行为", "处理结果", "案件数", "罚款决定金额（元）", "罚款实收金额（元）");
                    for (Statistics.Group g : report.groups()) {
                        csv.printRecord(g.organisationName(), g.month(), g.violationName(), g.outcomeName(), g.cases(),
                                g.fineImposed(), g.fineCollected());
                    }
                }
                case "bodies" -> {
                    csv.printRecord("执法单位", "案件数", "罚款决定金额（元）", "罚款实收金额（元）", "有期限环节数", "超期环节数", "超期率");
                    for (Statistics.Body b : report.bodies()) {
                        csv.printRecord(b.organisationName(), b.cases(), b.fineImposed(), b.fineCollected(),
                                b.stepsWithDueDate(), b.stepsOverdue(), b.overdueRate());
                    }
                }
                case "steps" -> {
                    csv.printRecord("执法单位", "办案环节", "已办结次数", "平均用时（工作日）");
                    for (Statistics.Step s : report.steps()) {
                        csv.printRecord(s.organisationName(), s.stepName(), s.completed(), s.averageWorkingDays());
                    }
                }
                case "spread" -> {
                    csv.printRecord("违法行为", "情节", "案件数", "最低罚款", "最高罚款", "平均罚款", "标准差");
                    for (Statistics.Spread s : report.spread()) {
                        csv.printRecord(s.violationName(), s.tierName(), s.cases(), s.min(), s.max(), s.mean(),
                                s.standardDeviation());
                    }
                }
                default -> throw new InvalidInputException("table", "表应为 groups、bodies、steps 或 spread");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("执法统计-" + table + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One process instance for Cockpit's 案件要素 tab: the variables Sanlian owns with their Chinese labels, and the
     * open tasks with their candidate groups by name.
     */
    @GetMapping("/instance")
    public VariableLabels.Instance instance(Authentication user, @RequestParam String processInstanceId) {
        return labels.instance(processInstanceId, SupervisorScope.of(user));
    }

    private static Set<DeadlineWatch.State> states(String state) {
        if (state == null || state.isBlank()) {
            return DeadlineWatch.Filter.NEEDING_ATTENTION;
        }
        if ("ALL".equals(state)) {
            return EnumSet.allOf(DeadlineWatch.State.class);
        }
        try {
            return Arrays.stream(state.split(",")).map(String::strip).map(DeadlineWatch.State::valueOf)
                    .collect(Collectors.toSet());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("state", "状态应为 OVERDUE、AT_RISK、OPEN、MET_LATE、MET 或 ALL");
        }
    }

    private static YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "月份格式应为 yyyy-MM，例如 2026-03");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
