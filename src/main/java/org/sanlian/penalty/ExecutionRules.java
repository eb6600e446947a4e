package org.sanlian.penalty;

import org.sanlian.casefile.procedure.FormFields;
import org.sanlian.casefile.procedure.PhaseRules;
import org.sanlian.casefile.procedure.ProcedureFacts;
import org.sanlian.casefile.procedure.Rule;
import org.sanlian.casefile.procedure.StepRule;
import org.sanlian.penalty.PaymentFacts;
import org.sanlian.penalty.PenaltyFacts;
import java.time.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.sanlian.platform.DeadlineSettings;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.penalty.ServiceOfDecision;
import org.sanlian.penalty.LatePaymentSurcharge;
import org.sanlian.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After the decision (domain.md §2.12–2.13): its service (送达, Art. 61), the payment within 15 days (Art. 67)
 * with the surcharge for late payment (Art. 72), deferral or instalments (Art. 66 ¶2), the reminder (催告,
 * 行政强制法 Art. 54) and the application to the court (Art. 53). Every date and amount a step relies on is the
 * stored one: the decision's date, the service record, the due date, the fine.
 */
@Service
@Transactional
public class ExecutionRules implements PhaseRules {

    private final ProcedureFacts facts;
    private final PenaltyRecords penalties;
    private final ServiceOfDecision services;
    private final WorkingDayCalendar calendar;
    private final Period paymentPeriod;
    private final int reminderWorkingDays;
    private final Period litigationPeriod;
    private final Period courtWindow;
    private final Period deferralLongest;
    private final PaymentInstalmentRepository instalments;

    ExecutionRules(ProcedureFacts facts, PenaltyRecords penalties, ServiceOfDecision services, WorkingDayCalendar calendar,
            DeadlineSettings deadlineSettings, PaymentInstalmentRepository instalments) {
        this.facts = facts;
        this.instalments = instalments;
        this.penalties = penalties;
        this.services = services;
        this.calendar = calendar;
        this.paymentPeriod = deadlineSettings.payment();
        this.reminderWorkingDays = deadlineSettings.reminderWorkingDays();
        this.litigationPeriod = deadlineSettings.litigation();
        this.courtWindow = deadlineSettings.courtApplication();
        this.deferralLongest = deadlineSettings.deferralLongest();
    }

    @Override
    public Map<Rule, StepRule> rules() {
        return Map.of(
                Rule.decisionService, this::serveDecision,
                Rule.payment, (caseNumber, form, actor) -> payment(caseNumber, Payment.from(form), actor),
                Rule.deferral, (caseNumber, form, actor) -> deferral(caseNumber, Deferral.from(form), actor),
                Rule.reminder, (caseNumber, form, actor) -> reminder(caseNumber, Reminder.from(form), actor),
                Rule.courtApplication, (caseNumber, form, actor) -> courtApplication(caseNumber, CourtApplication.from(form), actor));
    }

    /**
     * 送达 of the decision, on or after the stored decision date; the service itself (method, recipient, receipt)
     * follows the document module's rules of service and makes the 送达回证. The payment period of 15 calendar days
     * (Art. 67) runs from the day the record says the decision counts as served.
     */
    Map<String, Object> serveDecision(String caseNumber, FormFields form, String actor) {
        LocalDate servedOn = form.pastDate("servedOn");
        form.valid();
        PenaltyFacts decision = penalties.penalty(caseNumber).filter(p -> p.getDecidedOn() != null)
                .orElseThrow(() -> new InvalidInputException("servedOn", "本案尚未作出决定，无从送达"));
        if (servedOn.isBefore(decision.getDecidedOn())) {
            throw new InvalidInputException("servedOn", "送达日期不能早于作出决定的日期 " + decision.getDecidedOn());
        }
        boolean penalty = "penalty".equals(decision.getDecisionKind());
        ServiceOfDecision.Served served = services.serveLatestDecision(caseNumber, penalty, form.submitted(), actor);
        LocalDate effectiveOn = served.effectiveOn();
        LocalDate paymentDue = effectiveOn.plus(paymentPeriod);
        if (penalty && decision.getDecidedFine() != null && decision.getDecidedFine().signum() > 0) {
            penalties.paymentFor(caseNumber, decision.getDecidedFine(), effectiveOn, paymentDue);
        }
        facts.record(caseNumber, "serveDecision", actor, served.method() + " 送达 "
                + served.recipient() + "，送达日 " + effectiveOn);
        return Map.of("servedOn", effectiveOn.toString(), "paymentDue", ProcedureFacts.endOfDay(paymentDue),
                "paymentDueDate", paymentDue.toString());
    }

    /** 缴纳罚款: paid (when and how much), an application for deferral or instalments (its date), or not paid. */
    public record Payment(String outcome, LocalDate paidOn, BigDecimal amountPaid, String deferralReason,
            LocalDate deferralAppliedOn) {
        static Payment from(FormFields form) {
            String outcome = form.choice("paymentOutcome", List.of("paid", "partlyPaid", "applyDeferral", "notPaid"),
                    "须选择：已缴纳、部分缴纳、申请暂缓或分期、逾期未缴");
            boolean money = "paid".equals(outcome) || "partlyPaid".equals(outcome);
            Payment command = new Payment(outcome, money ? form.pastDate("paidOn") : null,
                    money ? form.amount("amountPaid") : null,
                    "applyDeferral".equals(outcome) ? form.required("deferralReason",
                            "申请暂缓或分期缴纳须写明确有经济困难的理由（行政处罚法第六十六条第二款）") : null,
                    "applyDeferral".equals(outcome) ? form.pastDate("deferralAppliedOn") : null);
            form.valid();
            return command;
        }
    }

    /**
     * What was paid must cover the stored fine and the Art. 72 surcharge for every day after the stored due date
     * (with what accrued before an approved deferral); "not paid" can be recorded only once that date has passed,
     * and then the 催告 is due in time for the court application (行政强制法 Arts. 53, 54). Deferral or instalments
     * can be asked for only within the payment period (Art. 66 ¶2, Art. 67): once it has run out the surcharge runs.
     */
    public Map<String, Object> payment(String caseNumber, Payment command, String actor) {
        PaymentFacts payment = payable(caseNumber, "paymentOutcome");
        List<PaymentInstalment> schedule = instalments.ofCase(caseNumber);
        List<PaymentInstalment> unpaid = schedule.stream().filter(i -> !i.isPaid()).toList();
        // under an approved schedule the deadline in force is the next unpaid instalment's (Art. 66 ¶2)
        LocalDate due = unpaid.isEmpty() ? payment.getDueDate() : unpaid.get(0).getDueDate();
        switch (command.outcome()) {
            case "applyDeferral" -> {
                if (!unpaid.isEmpty()) {
                    throw new InvalidInputException("paymentOutcome", "已批准分 " + payment.getInstalmentCount()
                            + " 期缴纳，应按分期（延期）缴纳罚款通知书缴纳：第 " + unpaid.get(0).getSeq() + " 期 "
                            + unpaid.get(0).getAmount().toPlainString() + " 元，期限 " + due + "（行政处罚法第六十六条第二款）");
                }
                LocalDate appliedOn = command.deferralAppliedOn();
                if (appliedOn.isAfter(due)) {
                    throw new InvalidInputException("deferralAppliedOn", "暂缓或分期缴纳须在缴款期限 " + due
                            + " 届满前申请（行政处罚法第六十六条第二款、第六十七条）；期限届满后逾期每日加处罚款（第七十二条）");
                }
                if (appliedOn.isBefore(payment.getServedOn())) {
                    throw new InvalidInputException("deferralAppliedOn", "申请日期不能早于处罚决定书送达的日期 " + payment.getServedOn());
                }
                payment.deferralApplied(appliedOn, facts.now());
                facts.record(caseNumber, "recordPayment", actor, appliedOn + " 当事人申请暂缓或分期缴纳："
                        + command.deferralReason());
                return Map.of("paymentOutcome", command.outcome(), "deferralAppliedOn", appliedOn.toString());
            }
            case "notPaid" -> {
                if (!facts.today().isAfter(due)) {
                    throw new InvalidInputException("paymentOutcome", "缴款期限（" + due + "）尚未届满，不能记为逾期未缴");
                }
                LocalDate reminderDue = lastReminderDay(payment);
                facts.record(caseNumber, "recordPayment", actor, "逾期未缴纳罚款（"
                        + (unpaid.isEmpty() ? "" : "第 " + unpaid.get(0).getSeq() + " 期，") + "期限 " + due
                        + (payment.getReceived().signum() > 0 ? "，已部分缴纳 " + payment.getReceived().toPlainString() + " 元" : "")
                        + "）；催告书最迟于 "
                        + reminderDue + " 送达");
                return Map.of("paymentOutcome", command.outcome(), "reminderDueDate", reminderDue.toString(),
                        "reminderDue", ProcedureFacts.endOfDay(reminderDue));
            }
            default -> {
                LocalDate decidedOn = penalties.penalty(caseNumber).map(PenaltyFacts::getDecidedOn).orElseThrow();
                if (command.paidOn().isBefore(decidedOn)) {
                    throw new InvalidInputException("paidOn", "缴款日期不能早于作出处罚决定的日期 " + decidedOn);
                }
                if (!unpaid.isEmpty()) {
                    if ("partlyPaid".equals(command.outcome())) {
                        throw new InvalidInputException("paymentOutcome", "已批准分期缴纳：缴款请选择已缴纳，按期次依次抵缴，"
                                + "不足一期的部分抵缴该期（行政处罚法第六十六条第二款）");
                    }
                    return instalmentPaid(caseNumber, payment, schedule, unpaid, command, actor);
                }
                BigDecimal surcharge = payment.surchargeOwedOn(command.paidOn());
                BigDecimal received = payment.getReceived();
                BigDecimal owed = payment.getFine().add(surcharge).subtract(received);
                String owing = "应缴 " + owed.toPlainString() + " 元（罚款 " + payment.getFine().toPlainString()
                        + " 元，加处罚款 " + surcharge.toPlainString() + " 元"
                        + (received.signum() > 0 ? "，已部分缴纳 " + received.toPlainString() + " 元" : "")
                        + "，行政处罚法第七十二条）";
                refuseOverpayment(command.amountPaid(), owed, owing);
                if ("partlyPaid".equals(command.outcome())) {
                    return partlyPaid(caseNumber, payment, command, owed, owing, actor);
                }
                if (command.amountPaid() == null || command.amountPaid().compareTo(owed) < 0) {
                    throw new InvalidInputException("amountPaid", owing + "；未缴足的，请选择部分缴纳");
                }
                BigDecimal total = command.amountPaid().add(received);
                payment.paid(command.paidOn(), total, surcharge, facts.now());
                facts.record(caseNumber, "recordPayment", actor, command.paidOn() + " 缴纳 "
                        + command.amountPaid().toPlainString() + " 元" + (received.signum() > 0 ? "（连同此前部分缴纳的 "
                        + received.toPlainString() + " 元，共 " + total.toPlainString() + " 元）" : "")
                        + "，其中加处罚款 " + surcharge.toPlainString() + " 元");
                // the amount supervision's statistics count as collected is the whole, not this last payment
                return Map.of("paymentOutcome", command.outcome(), "surcharge", surcharge.doubleValue(),
                        "amountPaid", total.doubleValue());
            }
        }
    }

    /**
     * 暂缓或分期缴纳 approved by the head (Art. 66 ¶2): the stored due date becomes the approved (last) date from the
     * day of the approval on; the surcharge accrued until then (Art. 72) stays owed.
     */
    public record Deferral(boolean approved, String kind, Integer instalments, LocalDate newDue) {
        /** A local limit (the law sets none): three years of monthly instalments. */
        static final int MAX_INSTALMENTS = 36;

        static Deferral from(FormFields form) {
            String decision = form.choice("deferralDecision", List.of("approve", "reject"), "须选择同意或不同意");
            if (!"approve".equals(decision)) {
                form.valid();
                return new Deferral(false, null, null, null);
            }
            String kind = form.choice("deferralKind", List.of("defer", "instalments"), "须选择暂缓缴纳或分期缴纳");
            Integer instalments = form.count("instalmentCount");
            if ("instalments".equals(kind) && (instalments == null || instalments < 2)) {
                form.reject("instalmentCount", "分期缴纳至少分两期");
            } else if ("instalments".equals(kind) && instalments > MAX_INSTALMENTS) {
                // the law sets no limit; each instalment is a row of the schedule and a payment step, so a local one
                form.reject("instalmentCount", "分期缴纳最多分 " + MAX_INSTALMENTS + " 期");
            }
            LocalDate newDue = form.anyDate("newPaymentDueDate");
            form.valid();
            return new Deferral(true, kind, instalments, newDue);
        }
    }

    public Map<String, Object> deferral(String caseNumber, Deferral command, String actor) {
        if (!command.approved()) {
            facts.record(caseNumber, "approveDeferral", actor, "不同意暂缓或分期缴纳");
            return paymentAsked();
        }
        PaymentFacts payment = payable(caseNumber, "deferralDecision");
        if (!command.newDue().isAfter(payment.getDueDate())) {
            throw new InvalidInputException("newPaymentDueDate", "批准的缴款期限应晚于原期限 " + payment.getDueDate());
        }
        boolean inInstalments = "instalments".equals(command.kind());
        LocalDate approvedOn = facts.today();
        // the law sets no limit; a local one keeps a mistyped year (2062, 9999) from putting the fine out of reach of
        // the 催告 and the court (行政强制法 Arts. 53, 54 count from the end of the deferral)
        LocalDate longest = approvedOn.plus(deferralLongest);
        if (command.newDue().isAfter(longest)) {
            throw new InvalidInputException("newPaymentDueDate", "批准的缴款期限最迟为批准之日起 "
                    + periodText(deferralLongest) + "（" + longest + "，本地规定的最长期限）");
        }
        if (inInstalments && ChronoUnit.DAYS.between(approvedOn, command.newDue()) < command.instalments()) {
            throw new InvalidInputException("newPaymentDueDate", "分 " + command.instalments() + " 期缴纳，最后期限至少应在批准之日后 "
                    + command.instalments() + " 日（" + approvedOn.plusDays(command.instalments()) + "），每期至少相隔一日");
        }
        if (!unpaidInstalments(caseNumber).isEmpty()) {
            throw new InvalidInputException("deferralDecision", "本案已批准分期缴纳，按原分期计划缴纳");
        }
        payment.deferred(command.kind(), command.instalments(), command.newDue(), approvedOn, facts.now());
        BigDecimal accrued = payment.getAccruedSurcharge();
        LocalDate nextDue = command.newDue();
        String plan = "";
        Map<String, Object> produced = paymentAsked();
        if (inInstalments) {
            List<PaymentInstalment> schedule = instalments.saveAll(PaymentInstalment.schedule(caseNumber,
                    // what was paid in part before the approval is not asked for again
                    payment.getFine().subtract(payment.getReceived()), approvedOn, command.newDue(), command.instalments()));
            nextDue = schedule.get(0).getDueDate();
            plan = "：" + String.join("；", schedule.stream().map(i -> "第 " + i.getSeq() + " 期 " + i.getDueDate() + " 前 "
                    + i.getAmount().toPlainString() + " 元").toList());
        }
        facts.record(caseNumber, "approveDeferral", actor, (inInstalments
                ? "同意分 " + command.instalments() + " 期缴纳" : "同意暂缓缴纳") + "，最后期限 " + command.newDue() + plan
                + (accrued.signum() > 0 ? "；批准前已加处罚款 " + accrued.toPlainString() + " 元，仍应缴纳"
                        + (inInstalments ? "（随第 1 期）" : "") + "（行政处罚法第七十二条）" : ""));
        // the payment task is due on the next instalment's day; paymentDueDate stays the approved last day
        produced.put("paymentDueDate", command.newDue().toString());
        produced.put("paymentDue", ProcedureFacts.endOfDay(nextDue));
        produced.put("accruedSurcharge", accrued.doubleValue());
        return produced;
    }

    /**
     * After the head's answer 缴纳罚款 comes back asking what the party did next: the application it answered is not
     * offered again as the form's choice (an officer submitting it unchanged was refused).
     */
    private static Map<String, Object> paymentAsked() {
        Map<String, Object> produced = new java.util.LinkedHashMap<>();
        produced.put("paymentOutcome", null);
        return produced;
    }

    /**
     * 催告书 served (行政强制法 Art. 54), not before the stored due date: the court may be applied to 10 working days
     * after its service, once the litigation period (6 months from the decision's service, 行政诉讼法 Art. 46) has
     * passed, and within 3 months after that (行政强制法 Art. 53).
     */
    public record Reminder(LocalDate servedOn) {
        static Reminder from(FormFields form) {
            Reminder command = new Reminder(form.pastDate("reminderServedOn"));
            form.valid();
            return command;
        }
    }

    public Map<String, Object> reminder(String caseNumber, Reminder command, String actor) {
        PaymentFacts payment = payable(caseNumber, "reminderServedOn");
        List<PaymentInstalment> unpaid = unpaidInstalments(caseNumber);
        LocalDate due = unpaid.isEmpty() ? payment.getDueDate() : unpaid.get(0).getDueDate();
        if (command.servedOn().isBefore(due)) {
            throw new InvalidInputException("reminderServedOn", "催告书的送达日期不能早于缴款期限 " + due
                    + "（行政强制法第五十四条：当事人逾期不履行的，方可催告）");
        }
        payment.reminded(command.servedOn(), facts.now());
        CourtWindow window = courtWindow(payment);
        facts.record(caseNumber, "issueReminder", actor, "催告书送达于 " + command.servedOn() + "；可申请法院强制执行的期间 "
                + window.earliest() + " 至 " + window.last());
        return Map.of("courtApplicationEarliest", window.earliest().toString(), "courtApplicationLast",
                window.last().toString(), "courtApplicationDue", ProcedureFacts.endOfDay(window.last()));
    }

    record CourtWindow(LocalDate earliest, LocalDate last) {
    }

    private CourtWindow courtWindow(PaymentFacts payment) {
        LocalDate afterReminder = calendar.addWorkingDays(payment.getReminderServedOn(), reminderWorkingDays).date();
        LocalDate periodsEnd = periodsEnd(payment);
        LocalDate earliest = afterReminder.isAfter(periodsEnd) ? afterReminder : periodsEnd;
        return new CourtWindow(earliest, periodsEnd.plus(courtWindow));
    }

    /**
     * Where the 3 months of 行政强制法 Art. 53 start: the end of the litigation period after the decision's stored
     * service, or — after an approved deferral or instalments — the end of that period if later (行政处罚法 Art. 72 ¶2).
     */
    private LocalDate periodsEnd(PaymentFacts payment) {
        LocalDate litigationEnds = payment.getServedOn().plus(litigationPeriod);
        return payment.getDeferralKind() != null && payment.getDueDate().isAfter(litigationEnds)
                ? payment.getDueDate() : litigationEnds;
    }

    /**
     * The last day a 催告书 can be served and still leave its 10 working days (行政强制法 Arts. 54, 69) before the
     * court application window closes (Art. 53): counted back on the working-day calendar from the window's last day.
     */
    public LocalDate lastReminderDay(PaymentFacts payment) {
        LocalDate day = periodsEnd(payment).plus(courtWindow);
        int counted = 0;
        while (counted < reminderWorkingDays) {
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
            day = day.minusDays(1);
        }
        return day;
    }

    public record CourtApplication(LocalDate appliedOn, String court) {
        static CourtApplication from(FormFields form) {
            CourtApplication command = new CourtApplication(form.pastDate("courtAppliedOn"), form.text("court"));
            form.valid();
            return command;
        }
    }

    public Map<String, Object> courtApplication(String caseNumber, CourtApplication command, String actor) {
        PaymentFacts payment = payable(caseNumber, "courtAppliedOn");
        if (payment.getReminderServedOn() == null) {
            throw new InvalidInputException("courtAppliedOn", "尚未催告，不能申请法院强制执行（行政强制法第五十四条）");
        }
        CourtWindow window = courtWindow(payment);
        if (command.appliedOn().isBefore(window.earliest()) || command.appliedOn().isAfter(window.last())) {
            throw new InvalidInputException("courtAppliedOn", "申请法院强制执行应在 " + window.earliest() + " 至 "
                    + window.last() + " 之间（催告书送达满 10 个工作日、复议诉讼期限届满后 3 个月内，行政强制法第五十三条、第五十四条）");
        }
        payment.appliedToCourt(command.appliedOn(), facts.now());
        facts.record(caseNumber, "applyToCourt", actor, command.appliedOn() + " 向 " + command.court() + " 申请强制执行");
        return Map.of();
    }

    /**
     * A payment under an approved schedule (Art. 66 ¶2) settles the instalments in order while it covers what each
     * still owes with its surcharge for lateness (Art. 72, 3 % a day after the instalment's last day of what is unpaid
     * of it) — the first also with what accrued before the approval; it must cover at least the next one. What is
     * left is credited to the instalment after (so no money paid is lost: a party who pays the whole fine in two
     * uneven payments owes nothing more), or, after the last, kept with it. When the last instalment is settled the
     * fine is paid; until then the task comes back, due on the next instalment's day.
     */
    private Map<String, Object> instalmentPaid(String caseNumber, PaymentFacts payment, List<PaymentInstalment> schedule,
            List<PaymentInstalment> unpaid, Payment command, String actor) {
        BigDecimal left = command.amountPaid() == null ? BigDecimal.ZERO : command.amountPaid();
        BigDecimal scheduleOwed = unpaid.stream().map(i -> instalmentOwed(payment, i, command.paidOn()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        refuseOverpayment(left, scheduleOwed, "未缴各期合计应缴 " + scheduleOwed.toPlainString() + " 元（含加处罚款，"
                + "行政处罚法第六十六条第二款、第七十二条）");
        List<PaymentInstalment> settled = new ArrayList<>();
        String credit = "";
        for (PaymentInstalment instalment : unpaid) {
            BigDecimal surcharge = instalmentSurcharge(payment, instalment, command.paidOn());
            BigDecimal owed = instalment.getAmount().add(surcharge).subtract(instalment.applied());
            if (left.compareTo(owed) < 0) {
                if (settled.isEmpty()) {
                    throw new InvalidInputException("amountPaid", "第 " + instalment.getSeq() + " 期应缴 "
                            + owed.toPlainString() + " 元（分期金额 " + instalment.getAmount().toPlainString() + " 元，加处罚款 "
                            + surcharge.toPlainString() + " 元" + (instalment.applied().signum() > 0 ? "，已抵缴 "
                            + instalment.applied().toPlainString() + " 元" : "") + "，期限 " + instalment.getDueDate()
                            + "；行政处罚法第六十六条第二款、第七十二条）");
                }
                if (left.signum() > 0) {
                    instalment.credited(left, actor, facts.now());
                    credit = "，余款 " + left.toPlainString() + " 元抵缴第 " + instalment.getSeq() + " 期";
                    left = BigDecimal.ZERO;
                }
                break;
            }
            instalment.settled(command.paidOn(), owed, surcharge, actor, facts.now());
            left = left.subtract(owed);
            settled.add(instalment);
        }
        PaymentInstalment lastSettled = settled.get(settled.size() - 1);
        String which = settled.size() == 1 ? "第 " + settled.get(0).getSeq() + " 期"
                : "第 " + settled.get(0).getSeq() + "–" + lastSettled.getSeq() + " 期";
        BigDecimal surcharges = settled.stream().map(PaymentInstalment::getSurcharge).reduce(BigDecimal.ZERO, BigDecimal::add);
        facts.record(caseNumber, "recordPayment", actor, command.paidOn() + " 缴纳" + which + " "
                + command.amountPaid().toPlainString() + " 元，其中加处罚款 " + surcharges.toPlainString() + " 元" + credit);
        List<PaymentInstalment> remaining = unpaid.stream().filter(i -> !i.isPaid()).toList();
        if (!remaining.isEmpty()) {
            LocalDate next = remaining.get(0).getDueDate();
            return Map.of("paymentOutcome", "instalmentPaid", "surcharge", surcharges.doubleValue(),
                    "paymentDue", ProcedureFacts.endOfDay(next));
        }
        // the schedule's rows are the ones just settled (the same entities): no second read
        BigDecimal total = schedule.stream().map(PaymentInstalment::getAmountPaid).reduce(payment.getReceived(), BigDecimal::add);
        BigDecimal totalSurcharge = schedule.stream().map(PaymentInstalment::getSurcharge).reduce(BigDecimal.ZERO, BigDecimal::add);
        payment.paid(command.paidOn(), total, totalSurcharge, facts.now());
        // the copy supervision's statistics count as collected is the whole, not this last payment
        return Map.of("paymentOutcome", "paid", "surcharge", totalSurcharge.doubleValue(), "amountPaid", total.doubleValue());
    }

    /** What an instalment owes on {@code paidOn}: its surcharge (Art. 72), the first also what accrued before the approval. */
    private static BigDecimal instalmentSurcharge(PaymentFacts payment, PaymentInstalment instalment, LocalDate paidOn) {
        return instalment.surchargeOn(paidOn).add(instalment.getSeq() == 1
                && payment.getAccruedSurcharge() != null ? payment.getAccruedSurcharge() : BigDecimal.ZERO);
    }

    private static BigDecimal instalmentOwed(PaymentFacts payment, PaymentInstalment instalment, LocalDate paidOn) {
        return instalment.getAmount().add(instalmentSurcharge(payment, instalment, paidOn)).subtract(instalment.applied());
    }

    /**
     * 罚缴分离 (行政处罚法 Art. 67): the bank collects the amount decided, with the surcharge of Art. 72 when late, and
     * nothing more; an amount above what is still owed is almost surely a typing error and is refused, saying what is
     * owed, rather than recorded as collected.
     */
    private static void refuseOverpayment(BigDecimal amountPaid, BigDecimal owed, String owing) {
        if (amountPaid != null && amountPaid.compareTo(owed) > 0) {
            throw new InvalidInputException("amountPaid", "实缴 " + amountPaid.toPlainString() + " 元超过" + owing
                    + "：罚缴分离，银行只收缴决定的罚款及加处罚款（行政处罚法第六十七条），请核对缴款凭证");
        }
    }

    /** A configured period in words: 3 年, 18 个月, 400 日. */
    private static String periodText(Period period) {
        return (period.getYears() > 0 ? period.getYears() + " 年" : "")
                + (period.getMonths() > 0 ? period.getMonths() + " 个月" : "")
                + (period.getDays() > 0 ? period.getDays() + " 日" : "");
    }

    /**
     * 部分缴纳 (行政处罚法 Arts. 67, 72): money paid towards the fine short of what is owed is kept — it is the party's
     * money and the record must show it — and the rest stays owed by the same deadline: the case stays at 缴纳罚款,
     * and once the deadline has passed it goes to the 催告 and the court for the rest (行政强制法 Arts. 35, 54).
     */
    private Map<String, Object> partlyPaid(String caseNumber, PaymentFacts payment, Payment command, BigDecimal owed,
            String owing, String actor) {
        if (command.amountPaid() == null || command.amountPaid().signum() <= 0) {
            throw new InvalidInputException("amountPaid", "部分缴纳须写明实缴金额（元）");
        }
        if (command.amountPaid().compareTo(owed) >= 0) {
            throw new InvalidInputException("paymentOutcome", owing + "；已缴足的，请选择已缴纳");
        }
        payment.partlyPaid(command.paidOn(), command.amountPaid(), facts.now());
        BigDecimal left = owed.subtract(command.amountPaid());
        facts.record(caseNumber, "recordPayment", actor, command.paidOn() + " 部分缴纳 "
                + command.amountPaid().toPlainString() + " 元，累计已缴 " + payment.getReceived().toPlainString()
                + " 元，尚欠 " + left.toPlainString() + " 元（加处罚款计至当日；缴款期限 " + payment.getDueDate() + "）");
        return Map.of("paymentOutcome", "partlyPaid", "amountReceived", payment.getReceived().doubleValue());
    }

    /** What the 缴纳罚款 form shows of earlier part payments, or null when there were none. */
    @Transactional(readOnly = true)
    public String partPayments(String caseNumber) {
        return penalties.payment(caseNumber).filter(p -> p.getReceived().signum() > 0 && p.getPaidOn() == null)
                .map(p -> "已部分缴纳 " + p.getReceived().toPlainString() + " 元（最近一次 " + p.getLastReceivedOn()
                        + "），尚欠罚款 " + p.getFine().subtract(p.getReceived()).max(java.math.BigDecimal.ZERO).toPlainString()
                        + " 元，另加处罚款（逾期的）；缴款期限 " + p.getDueDate())
                .orElse(null);
    }

    /**
     * What the 缴纳罚款 form shows of the next instalment under an approved schedule — its number, amount, day and
     * what was credited to it — or null when there is none.
     */
    @Transactional(readOnly = true)
    public String nextInstalment(String caseNumber) {
        return unpaidInstalments(caseNumber).stream().findFirst().map(ExecutionRules::next).orElse(null);
    }

    private static String next(PaymentInstalment instalment) {
        BigDecimal applied = instalment.applied();
        return "第 " + instalment.getSeq() + " 期 " + instalment.getAmount().toPlainString() + " 元，期限 "
                + instalment.getDueDate() + (applied.signum() > 0 ? "（已抵缴 " + applied.toPlainString() + " 元，尚应缴 "
                + instalment.getAmount().subtract(applied).toPlainString() + " 元）" : "");
    }

    private List<PaymentInstalment> unpaidInstalments(String caseNumber) {
        return instalments.ofCase(caseNumber).stream().filter(i -> !i.isPaid()).toList();
    }

    /** The approved schedule of a case in instalments, in order (empty for any other case). */
    @Transactional(readOnly = true)
    public List<PaymentInstalment> instalmentsOf(String caseNumber) {
        return instalments.ofCase(caseNumber);
    }

    private PaymentFacts payable(String caseNumber, String field) {
        return penalties.payment(caseNumber).orElseThrow(() -> new InvalidInputException(field, "本案没有待缴纳的罚款（处罚决定尚未送达）"));
    }
}
