package org.sanlian.linkage.process;

import org.sanlian.platform.ChinaTime;
import static org.sanlian.platform.ProcessActors.actor;
import static org.sanlian.platform.ProcessActors.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sanlian.linkage.LinkageSettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.linkage.FineRegister;
import org.sanlian.linkage.HandOver;
import org.sanlian.linkage.HandOvers;
import org.sanlian.linkage.JointOperations;
import org.sanlian.linkage.LinkageEngine;
import org.sanlian.linkage.Matter;
import org.sanlian.organisation.CaseAccess;
import org.sanlian.organisation.OrganisationKind;
import org.sanlian.organisation.Role;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.identifiers.ChineseIdentifiers;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.springframework.stereotype.Component;

/**
 * Thin adapters between the linkage models (bpmn/bureauLinkage.bpmn, bpmn/policeLinkage.bpmn,
 * bpmn/jointOperation.bpmn) and the linkage services: each reads the process variables, calls one service and
 * writes back what the next step needs.
 */
final class LinkageDelegates {

    private LinkageDelegates() {
    }

    /** What the receiving body's officers see of a hand-over, as process variables. */
    static Map<String, Object> facts(HandOver h) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("handOverNumber", h.getHandOverNumber());
        variables.put("senderCode", h.getSenderCode());
        variables.put("receiverCode", h.getReceiverCode());
        variables.put("matter", h.getMatter().name());
        variables.put("matterName", h.getMatter().chineseName());
        variables.put("partyName", h.getPartyName());
        variables.put("creditCode", h.getCreditCode());
        variables.put("licenceNumber", h.getLicenceNumber());
        variables.put("plateNumber", h.getPlateNumber());
        variables.put("occurredOn", h.getOccurredOn() == null ? null : h.getOccurredOn().toString());
        variables.put("place", h.getPlace());
        variables.put("summary", h.getSummary());
        variables.put("evidence", h.getEvidence());
        return variables;
    }

    /** Counts the receiver's acceptance deadline (a local choice, domain.md §2.1 L) and writes it to the process. */
    static void acceptanceDue(DelegateExecution execution, WorkingDayDeadlines deadlines, int workingDays) {
        deadlines.schedule(execution.getProcessInstanceId(), "handOverAcceptance", LocalDate.now(ChinaTime.CHINA),
                workingDays, "acceptanceDue", "acceptHandOver").writeTo(execution);
    }

    /** 移交执法队伍 (bureau pool): records the bureau's lead once, then hands it to the brigade's pool. */
    @Component("handOverLead")
    static class HandOverLead implements JavaDelegate {
        private final HandOvers handOvers;
        private final LinkageEngine engine;
        private final CaseAccess caseAccess;
        private final WorkingDayDeadlines deadlines;
        private final WorkingDayCalendar calendar;
        private final int acceptanceWorkingDays;

        HandOverLead(HandOvers handOvers, LinkageEngine engine, CaseAccess caseAccess, WorkingDayDeadlines deadlines,
                WorkingDayCalendar calendar, LinkageSettings settings) {
            this.calendar = calendar;
            this.handOvers = handOvers;
            this.engine = engine;
            this.caseAccess = caseAccess;
            this.deadlines = deadlines;
            this.acceptanceWorkingDays = settings.acceptanceWorkingDays();
        }

        @Override
        public void execute(DelegateExecution execution) {
            String number = text(execution, "handOverNumber");
            if (number == null) {
                String sender = handOvers.senderOf(text(execution, "registrant"), "registrant",
                        Set.of(OrganisationKind.INDUSTRY_MANAGEMENT));
                HandOver registered = handOvers.register(new HandOvers.Registration(sender,
                        text(execution, "receiverCode"), text(execution, "matter"), text(execution, "partyName"),
                        text(execution, "creditCode"), text(execution, "licenceNumber"), text(execution, "plateNumber"),
                        text(execution, "occurredOn"), text(execution, "place"), text(execution, "summary"),
                        text(execution, "evidence"), text(execution, "registrant")));
                number = registered.getHandOverNumber();
                execution.setProcessBusinessKey(number);
                caseAccess.openTo(execution.getProcessInstanceId(), registered.getSenderCode());
            }
            HandOver handOver = handOvers.byNumber(number);
            Map<String, Object> facts = facts(handOver);
            execution.setVariables(facts);
            LocalDate today = LocalDate.now(ChinaTime.CHINA);
            WorkingDayCalendar.CountedDate due = calendar.addWorkingDays(today, acceptanceWorkingDays);
            facts.put("acceptanceDue", WorkingDayDeadlines.endOfDay(due.date()));
            facts.put("acceptanceDueProvisional", due.provisional());
            ProcessInstance brigade = engine.send(LinkageEngine.BUREAU_LEAD_HANDED_OVER, number, facts);
            caseAccess.openTo(brigade.getId(), handOver.getReceiverCode());
            // kept so that a later calendar arrangement moves the brigade's due date too
            deadlines.schedule(brigade.getId(), "handOverAcceptance", today, acceptanceWorkingDays, "acceptanceDue",
                    "acceptBureauLead");
        }
    }

    /** 接收移交 completed (both models): accept, or return with a reason. */
    @Component("answerHandOverCompleted")
    static class AnswerHandOverCompleted implements TaskListener {
        private final HandOvers handOvers;
        private final WorkingDayDeadlines deadlines;

        AnswerHandOverCompleted(HandOvers handOvers, WorkingDayDeadlines deadlines) {
            this.handOvers = handOvers;
            this.deadlines = deadlines;
        }

        @Override
        public void notify(DelegateTask task) {
            handOvers.answer(text(task, "handOverNumber"), text(task, "acceptance"), text(task, "returnReason"),
                    actor(task));
            deadlines.close(task.getProcessInstanceId(), "handOverAcceptance");
        }
    }

    /** 转入案源登记: the accepted hand-over becomes the receiving brigade's lead in leadIntake (domain.md §2.1). */
    @Component("registerHandedOverLead")
    static class RegisterHandedOverLead implements JavaDelegate {
        private final HandOvers handOvers;
        private final LinkageEngine engine;

        RegisterHandedOverLead(HandOvers handOvers, LinkageEngine engine) {
            this.handOvers = handOvers;
            this.engine = engine;
        }

        @Override
        public void execute(DelegateExecution execution) {
            HandOver h = handOvers.byNumber(text(execution, "handOverNumber"));
            String source = handOvers.isPolice(h.getSenderCode()) ? "POLICE" : "BUREAU";
            String leadNumber = startLead(engine, h.getReceiverCode(), source, h.getPartyName(), h.getPlateNumber(),
                    h.getOccurredOn() == null ? null : h.getOccurredOn().toString(), h.getPlace(),
                    "移交编号 " + h.getHandOverNumber() + "（" + handOvers.nameOf(h.getSenderCode()) + "，" + h.getMatter().chineseName() + "）："
                            + h.getSummary() + (h.getEvidence() == null ? "" : "；证据材料：" + h.getEvidence())
                            + (h.getCreditCode() == null ? "" : "；统一社会信用代码 " + h.getCreditCode())
                            + (h.getLicenceNumber() == null ? "" : "；许可证件 " + h.getLicenceNumber()));
            handOvers.leadRegistered(h.getHandOverNumber(), leadNumber, engine.currentUser());
            execution.setVariable("leadNumber", leadNumber);
        }
    }

    /** Starts leadIntake for the receiving body, as its registration form would; returns the lead number. */
    static String startLead(LinkageEngine engine, String organisationCode, String source, String partyName,
            String plateNumber, String occurredOn, String place, String summary) {
        Map<String, Object> registration = new HashMap<>();
        registration.put("source", source);
        registration.put("organisationCode", organisationCode);
        registration.put("partyName", partyName);
        registration.put("plateNumber", plateNumber);
        registration.put("occurredOn", occurredOn);
        registration.put("place", place);
        registration.put("summary", summary.length() > 2000 ? summary.substring(0, 2000) : summary);
        registration.put("registrant", engine.currentUser());
        ProcessInstance lead = engine.start("leadIntake", registration);
        return (String) engine.variable(lead.getId(), "leadNumber");
    }

    /**
     * A message from the brigade's pool to the bureau's (bureauLinkage.bpmn): the message name is the send
     * task's input parameter {@code message}; the bureau's instance is found by the hand-over number.
     */
    @Component("notifyBureau")
    static class NotifyBureau implements JavaDelegate {
        private final LinkageEngine engine;

        NotifyBureau(LinkageEngine engine) {
            this.engine = engine;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Map<String, Object> variables = new HashMap<>();
            for (String name : List.of("leadNumber", "returnReason", "outcome", "outcomeSummary", "caseNumber")) {
                if (execution.getVariable(name) != null) {
                    variables.put(name, execution.getVariable(name));
                }
            }
            engine.send(text(execution, "message"), text(execution, "handOverNumber"), variables);
        }
    }

    /** 处理退回的移交 completed (bureau): hand over again, completed, or withdraw. */
    @Component("reviewReturnedLeadCompleted")
    static class ReviewReturnedLeadCompleted implements TaskListener {
        private final HandOvers handOvers;

        ReviewReturnedLeadCompleted(HandOvers handOvers) {
            this.handOvers = handOvers;
        }

        @Override
        public void notify(DelegateTask task) {
            handOvers.afterReturn(text(task, "handOverNumber"), text(task, "returnDecision"), text(task, "summary"),
                    text(task, "evidence"), actor(task));
        }
    }

    /**
     * The bureau's own follow-up after the 抄告, as the DMN bureauFollowUp lists it, each with its deadline in
     * working days: credit record, the over-limit data push (62号令 Art. 44: 7 working days), the review of the
     * licence or operating certificate.
     */
    @Component("scheduleBureauFollowUp")
    static class ScheduleBureauFollowUp implements JavaDelegate {
        private final WorkingDayDeadlines deadlines;
        private final Map<String, Integer> workingDays;

        ScheduleBureauFollowUp(WorkingDayDeadlines deadlines, LinkageSettings settings) {
            this.deadlines = deadlines;
            this.workingDays = Map.of("creditRecord", settings.creditRecordWorkingDays(), "overLimitPush",
                    settings.overLimitPushWorkingDays(), "licenceReview", settings.licenceReviewWorkingDays(),
                    "outcomeNoted", settings.outcomeNotedWorkingDays());
        }

        @Override
        public void execute(DelegateExecution execution) {
            Object listed = execution.getVariable("followUpActions");
            Collection<?> actions = listed instanceof Collection<?> c ? c : List.of();
            LocalDate today = LocalDate.now(ChinaTime.CHINA);
            for (Object action : actions) {
                Integer days = workingDays.get(String.valueOf(action));
                if (days == null) {
                    throw new IllegalStateException("bureauFollowUp lists an unknown action " + action);
                }
                deadlines.schedule(execution.getProcessInstanceId(), action.toString(), today, days, action + "Due",
                        "bureauFollowUpAction").writeTo(execution);
            }
        }
    }

    /** A follow-up step done by the bureau or an outcome acknowledged by the sender: kept in the hand-over's record. */
    @Component("handOverStepCompleted")
    static class HandOverStepCompleted implements TaskListener {
        private final HandOvers handOvers;
        private final WorkingDayDeadlines deadlines;

        HandOverStepCompleted(HandOvers handOvers, WorkingDayDeadlines deadlines) {
            this.handOvers = handOvers;
            this.deadlines = deadlines;
        }

        @Override
        public void notify(DelegateTask task) {
            String note = text(task, "stepNote");
            if (note == null || note.isBlank()) {
                throw new InvalidInputException("stepNote", "必填");
            }
            Object action = task.getExecution().getVariable("action");
            handOvers.acknowledged(text(task, "handOverNumber"),
                    action != null ? action.toString() : task.getTaskDefinitionKey(), note, actor(task));
            task.getExecution().removeVariable("stepNote");
            if (action != null) {
                deadlines.close(task.getProcessInstanceId(), action.toString());
            }
        }
    }

    /**
     * 登记移交 (policeLinkage.bpmn): the receiver is the body the DMN competentBody names, in the sender's area;
     * the instance is opened to both bodies, each working its own lane.
     */
    @Component("recordHandOver")
    static class RecordHandOver implements JavaDelegate {
        private final HandOvers handOvers;
        private final CaseAccess caseAccess;
        private final WorkingDayDeadlines deadlines;
        private final int acceptanceWorkingDays;

        RecordHandOver(HandOvers handOvers, CaseAccess caseAccess, WorkingDayDeadlines deadlines,
                LinkageSettings settings) {
            this.handOvers = handOvers;
            this.caseAccess = caseAccess;
            this.deadlines = deadlines;
            this.acceptanceWorkingDays = settings.acceptanceWorkingDays();
        }

        @Override
        public void execute(DelegateExecution execution) {
            String sender = text(execution, "senderCode");
            if (sender == null) {
                sender = handOvers.senderOf(text(execution, "registrant"), "registrant", Set.of(
                        OrganisationKind.ENFORCEMENT_CITY, OrganisationKind.ENFORCEMENT_DISTRICT,
                        OrganisationKind.ENFORCEMENT_COUNTY, OrganisationKind.PUBLIC_SECURITY));
            }
            String receiver = handOvers.competentBodyNear(text(execution, "competentBody"), sender);
            if (receiver.equals(sender)) {
                throw new InvalidInputException("matter", "该事项由本机关主管，无需移交（执法主体不变）");
            }
            HandOver h = handOvers.register(new HandOvers.Registration(sender, receiver, text(execution, "matter"),
                    text(execution, "partyName"), null, null, text(execution, "plateNumber"),
                    text(execution, "occurredOn"), text(execution, "place"), text(execution, "summary"),
                    text(execution, "evidence"), text(execution, "registrant")));
            execution.setProcessBusinessKey(h.getHandOverNumber());
            caseAccess.openTo(execution.getProcessInstanceId(), sender);
            caseAccess.openTo(execution.getProcessInstanceId(), receiver);
            Map<String, Object> variables = facts(h);
            boolean police = handOvers.isPolice(receiver);
            variables.put("receiverIsPolice", police);
            variables.put("receiverGroup", dutyGroup(receiver));
            variables.put("senderGroup", dutyGroup(sender));
            execution.setVariables(variables);
            acceptanceDue(execution, deadlines, acceptanceWorkingDays);
        }

        /** Who works the hand-over at a body: the police's duty group at a police body, else its handlers. */
        private String dutyGroup(String body) {
            return (handOvers.isPolice(body) ? Role.TRAFFIC_POLICE : Role.HANDLER).dutyGroupId(body);
        }
    }

    /**
     * 录入交警处理结果: the police decide under their own law (执法主体不变); a fine enters the fine register, which
     * refuses a second fine for the same act (行政处罚法 Art. 29, 409 naming the earlier decision).
     */
    @Component("policeOutcomeCompleted")
    static class PoliceOutcomeCompleted implements TaskListener {
        private final HandOvers handOvers;
        private final FineRegister fines;

        PoliceOutcomeCompleted(HandOvers handOvers, FineRegister fines) {
            this.handOvers = handOvers;
            this.fines = fines;
        }

        @Override
        public void notify(DelegateTask task) {
            HandOver h = handOvers.byNumber(text(task, "handOverNumber"));
            String outcome = text(task, "policeOutcome");
            String decisionNumber = text(task, "policeDecisionNumber");
            Object fineValue = task.getVariable("policeFine");
            java.util.List<FieldViolation> violations = new java.util.ArrayList<>();
            if (!List.of("penalty", "noPenalty", "crimeFiled", "notCrime").contains(String.valueOf(outcome))) {
                violations.add(new FieldViolation("policeOutcome", "须选择处理结果"));
            }
            BigDecimal fine = fineValue instanceof Number n ? new BigDecimal(n.toString()) : null;
            if ("penalty".equals(outcome)) {
                if (decisionNumber == null || decisionNumber.isBlank()) {
                    violations.add(new FieldViolation("policeDecisionNumber", "作出处罚的，须填写决定书编号"));
                }
                if (fine != null && fine.signum() < 0) {
                    violations.add(new FieldViolation("policeFine", "罚款不能为负数"));
                }
                if (h.getOccurredOn() == null) {
                    violations.add(new FieldViolation("occurredOn", "移交未载明违法行为日期，无法核对是否重复罚款"));
                }
            }
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
            String actor = actor(task);
            if ("penalty".equals(outcome) && fine != null && fine.signum() > 0) {
                fines.record(new FineRegister.Decision(h.getReceiverCode(), decisionNumber.strip(), h.getPartyName(),
                        h.getCreditCode(), h.getPlateNumber(), null, h.getOccurredOn(), fine, h.getHandOverNumber(),
                        actor), "policeFine");
            }
            // Tasklist sends an untouched 说明 as "": no note then, not a sentence ending in 「：」
            String note = text(task, "policeNote");
            String summary = switch (outcome) {
                case "penalty" -> "交警处罚决定 " + decisionNumber.strip() + (fine == null ? "" : "，罚款 " + fine.toPlainString() + " 元");
                case "noPenalty" -> "交警不予处罚";
                case "crimeFiled" -> "公安机关已立案侦查";
                default -> "公安机关审查后不予立案（不构成犯罪）";
            } + (note == null || note.isBlank() ? "" : "：" + note.strip());
            handOvers.concluded(h.getHandOverNumber(), outcome, summary, actor);
            task.getExecution().setVariable("outcomeSummary", summary);
        }
    }

    /** 记录行动方案: officers of both bodies take part (联勤联动, domain.md §1); opened to both. */
    @Component("recordJointOperation")
    static class RecordJointOperation implements JavaDelegate {
        private final JointOperations operations;
        private final CaseAccess caseAccess;

        RecordJointOperation(JointOperations operations, CaseAccess caseAccess) {
            this.operations = operations;
            this.caseAccess = caseAccess;
        }

        @Override
        public void execute(DelegateExecution execution) {
            JointOperations.Plan plan = operations.plan(text(execution, "operationTitle"), text(execution, "plannedDate"),
                    text(execution, "place"), text(execution, "transportOfficers"), text(execution, "policeOfficers"),
                    text(execution, "organiser"));
            execution.setProcessBusinessKey(plan.operationNumber());
            execution.setVariable("operationNumber", plan.operationNumber());
            execution.setVariable("organiserCode", plan.organiserCode());
            execution.setVariable("policeCode", plan.policeCode());
            // kept by username, whether typed by name or by username; the forms show the names (officerNamesShown)
            execution.setVariable("transportOfficers", plan.transportOfficers());
            execution.setVariable("policeOfficers", plan.policeOfficers());
            execution.setVariable("dispatchedFindings", "");
            caseAccess.openTo(execution.getProcessInstanceId(), plan.organiserCode());
            caseAccess.openTo(execution.getProcessInstanceId(), plan.policeCode());
        }
    }

    /** A finding of the joint operation as the recordFinding form describes it, checked field by field. */
    static Matter finding(DelegateExecution execution, JointOperations operations) {
        return operations.finding(text(execution, "matter"), text(execution, "partyName"),
                text(execution, "plateNumber"), text(execution, "findingDescription"));
    }

    /** Adds a line to the operation's list of its findings and where each went. */
    static void dispatched(DelegateExecution execution, Matter matter, String where) {
        execution.setVariable("dispatchedFindings",
                text(execution, "dispatchedFindings") + matter.chineseName() + " → " + where + "\n");
    }

    /**
     * 开展联合执法行动 completed: the way on (记录行动发现 or 行动总结) is chosen by {@code hasFindings}, a yes or no. The
     * form's check holds it for officers; a caller the form check does not stop (the administrator's engine API) must
     * not turn a number into a failing gateway (a 500): a value that is not yes or no is refused naming the field,
     * and none is no.
     */
    @Component("operationCarriedOut")
    static class OperationCarriedOut implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            Object hasFindings = task.getExecution().getVariable("hasFindings");
            if (hasFindings == null) {
                task.getExecution().setVariable("hasFindings", false);
            } else if (!(hasFindings instanceof Boolean)) {
                throw new InvalidInputException("hasFindings", "须为是或否（勾选或不勾选）");
            }
        }
    }

    /**
     * 记录行动发现 opens empty for each finding: the finding before it was dispatched (a lead, a hand-over) and is
     * in {@code dispatchedFindings}; left in the form it was sent a second time by an officer who only unticked
     * 还有其他发现待记录. 还有其他发现待记录 opens unticked: the loop ends unless the officer says there is more.
     */
    @Component("findingFormCleared")
    static class FindingFormCleared implements TaskListener {
        static final List<String> FINDING = List.of("matter", "partyName", "plateNumber", "occurredOn",
                "findingDescription");

        @Override
        public void notify(DelegateTask task) {
            task.getExecution().removeVariables(FINDING);
            task.getExecution().setVariable("hasFindings", false);
            task.getExecution().setVariable("noFindingToRecord", false);
        }
    }

    /**
     * 记录行动发现 completed. An officer who ticked 还有其他发现待记录 by mistake says so here ({@code
     * noFindingToRecord}) and the operation goes on to 行动总结 with nothing registered. Otherwise the form hides
     * nothing and its required fields are required here too (the form's own checks skip fields shown under a
     * condition): a finding becomes a lead or a hand-over, which needs a matter, a party, a date and the facts
     * (行政处罚法 Art. 55).
     */
    @Component("findingChecked")
    static class FindingChecked implements TaskListener {
        private static final Map<String, String> REQUIRED = new LinkedHashMap<>();
        static {
            REQUIRED.put("matter", "违法情形");
            REQUIRED.put("partyName", "当事人");
            REQUIRED.put("occurredOn", "日期");
            REQUIRED.put("findingDescription", "发现情况");
        }

        @Override
        public void notify(DelegateTask task) {
            if (Boolean.TRUE.equals(task.getExecution().getVariable("noFindingToRecord"))) {
                task.getExecution().setVariable("hasFindings", false);
                return;
            }
            task.getExecution().setVariable("noFindingToRecord", false);
            List<FieldViolation> violations = new java.util.ArrayList<>();
            REQUIRED.forEach((key, label) -> {
                String value = text(task, key);
                if (value == null || value.isBlank()) {
                    violations.add(new FieldViolation(key, label + "：必填（没有待记录的发现时请勾选“没有待记录的发现”）"));
                }
            });
            String plate = text(task, "plateNumber");
            if (plate != null && !plate.isBlank() && !ChineseIdentifiers.isPlate(plate)) {
                violations.add(new FieldViolation("plateNumber",
                        "车牌号：车牌号码格式不正确，应为省份简称、发证机关字母和 5 至 6 位字母或数字，如 甘M12345"));
            }
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
        }
    }

    /**
     * A step of coordination between bodies that no law gives a period — reading what another body sent back —
     * is due in {@code sanlian.linkage.acknowledgement-working-days} (a local choice), so that it shows in 即将到期
     * and is not left in an inbox without a date.
     */
    @Component("acknowledgementDue")
    static class AcknowledgementDue implements TaskListener {
        private final WorkingDayCalendar calendar;
        private final int workingDays;

        AcknowledgementDue(WorkingDayCalendar calendar, LinkageSettings settings) {
            this.calendar = calendar;
            this.workingDays = settings.acknowledgementWorkingDays();
        }

        @Override
        public void notify(DelegateTask task) {
            LocalDate today = LocalDate.now(ChinaTime.CHINA);
            task.setDueDate(WorkingDayDeadlines.endOfDay(calendar.addWorkingDays(today, workingDays).date()));
        }
    }

    /**
     * A joint operation's steps are due by its day: the police confirm who takes part and the operation is carried
     * out on the planned day; its findings are recorded and the debrief written within {@code
     * sanlian.linkage.debrief-working-days} (a local choice) of the day it was carried out (or planned, if later).
     */
    @Component("jointOperationDue")
    static class JointOperationDue implements TaskListener {
        static final String FINDINGS_DUE = "findingsDue";
        private final WorkingDayCalendar calendar;
        private final int workingDays;

        JointOperationDue(WorkingDayCalendar calendar, LinkageSettings settings) {
            this.calendar = calendar;
            this.workingDays = settings.debriefWorkingDays();
        }

        @Override
        public void notify(DelegateTask task) {
            LocalDate planned = LocalDate.parse(text(task, "plannedDate").substring(0, 10));
            String step = task.getTaskDefinitionKey();
            if (step.equals("confirmJointOperation") || step.equals("carryOutOperation")) {
                task.setDueDate(WorkingDayDeadlines.endOfDay(planned));
                return;
            }
            Object due = task.getVariable(FINDINGS_DUE);
            if (!(due instanceof java.util.Date)) {
                LocalDate today = LocalDate.now(ChinaTime.CHINA);
                LocalDate from = today.isAfter(planned) ? today : planned;
                due = WorkingDayDeadlines.endOfDay(calendar.addWorkingDays(from, workingDays).date());
                task.getExecution().setVariable(FINDINGS_DUE, due);
            }
            task.setDueDate((java.util.Date) due);
        }
    }

    /** A finding transport decides: the organising brigade's lead (非法营运 also goes on the shared watchlist). */
    @Component("registerFindingAsLead")
    static class RegisterFindingAsLead implements JavaDelegate {
        private final LinkageEngine engine;
        private final JointOperations operations;

        RegisterFindingAsLead(LinkageEngine engine, JointOperations operations) {
            this.engine = engine;
            this.operations = operations;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Matter matter = finding(execution, operations);
            String leadNumber = startLead(engine, text(execution, "organiserCode"), "INSPECTION",
                    text(execution, "partyName"), text(execution, "plateNumber"), text(execution, "occurredOn"),
                    text(execution, "place"), "联合执法行动 " + text(execution, "operationNumber") + " 发现（"
                            + matter.chineseName() + "）：" + text(execution, "findingDescription"));
            operations.listIfIllegalOperation(matter, text(execution, "plateNumber"), text(execution, "partyName"),
                    text(execution, "operationNumber"), text(execution, "organiserCode"), engine.currentUser());
            dispatched(execution, matter, "本队案源 " + leadNumber);
        }
    }

    /** A finding the police decide (超载, or a suspected crime to be transferred): handed over to them. */
    @Component("handFindingToPolice")
    static class HandFindingToPolice implements JavaDelegate {
        private final LinkageEngine engine;
        private final JointOperations operations;

        HandFindingToPolice(LinkageEngine engine, JointOperations operations) {
            this.engine = engine;
            this.operations = operations;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Matter matter = finding(execution, operations);
            Map<String, Object> variables = new HashMap<>();
            variables.put("senderCode", text(execution, "organiserCode"));
            variables.put("registrant", engine.currentUser());
            variables.put("matter", matter.name());
            variables.put("partyName", text(execution, "partyName"));
            variables.put("plateNumber", text(execution, "plateNumber"));
            variables.put("occurredOn", text(execution, "occurredOn"));
            variables.put("place", text(execution, "place"));
            variables.put("summary", "联合执法行动 " + text(execution, "operationNumber") + " 发现："
                    + text(execution, "findingDescription"));
            ProcessInstance handOver = engine.start("crossHandOver", variables);
            dispatched(execution, matter, "移交交警 " + engine.variable(handOver.getId(), "handOverNumber"));
        }
    }

    /** 交警确认参加 completed: the police officers named must be traffic police officers. */
    @Component("confirmJointOperationCompleted")
    static class ConfirmJointOperationCompleted implements TaskListener {
        private final JointOperations operations;

        ConfirmJointOperationCompleted(JointOperations operations) {
            this.operations = operations;
        }

        @Override
        public void notify(DelegateTask task) {
            task.getExecution().setVariable("policeOfficers",
                    operations.policeConfirmed(text(task, "operationNumber"), text(task, "policeOfficers")));
        }
    }

    /** 行动总结 completed: the debrief is kept with the operation. */
    @Component("debriefJointOperationCompleted")
    static class DebriefJointOperationCompleted implements TaskListener {
        private final JointOperations operations;

        DebriefJointOperationCompleted(JointOperations operations) {
            this.operations = operations;
        }

        @Override
        public void notify(DelegateTask task) {
            operations.debriefed(text(task, "operationNumber"), text(task, "debrief"));
        }
    }
}
