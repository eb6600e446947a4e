package org.sanlian.network.process;

import org.sanlian.platform.ProcessActors;
import static org.sanlian.platform.ProcessActors.actor;

import static org.sanlian.platform.ProcessActors.text;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.sanlian.network.Assistance;
import org.sanlian.network.Transfers;
import org.sanlian.platform.forms.FormOptions;
import org.springframework.stereotype.Component;

/**
 * The thin adapters of caseTransfer and assistanceRequest: each reads the variables of one step, calls one method of
 * {@link Transfers} or {@link Assistance} and writes the result back for the next gateway.
 */
public final class NetworkDelegates {

    private NetworkDelegates() {
    }

    /** What the process does on the bodies' behalf (moving instances between them) is not the user's own right. */
    static <T> T asProcess(Supplier<T> work) {
        return Context.getCommandContext().runWithoutAuthorization(work::get);
    }

    /** caseTransfer started: the sender, the receiver and the city team read it. */
    @Component("transferOpened")
    public static class TransferOpened implements ExecutionListener {

        private final Transfers transfers;

        public TransferOpened(Transfers transfers) {
            this.transfers = transfers;
        }

        @Override
        public void notify(DelegateExecution execution) {
            transfers.openInstance(execution.getProcessInstanceId(), text(execution, "fromOrganisation"),
                    text(execution, "toOrganisation"));
        }
    }

    /** 接收审查 completed. */
    @Component("reviewTransferCompleted")
    public static class ReviewTransferCompleted implements TaskListener {

        private final Transfers transfers;

        public ReviewTransferCompleted(Transfers transfers) {
            this.transfers = transfers;
        }

        @Override
        public void notify(DelegateTask task) {
            boolean accepted = transfers.reviewed(text(task, "transferNumber"), text(task, "transferDecision"),
                    text(task, "reviewComment"), actor(task));
            task.getExecution().setVariable("transferAccepted", accepted);
        }
    }

    /**
     * 指定管辖 created: the bodies the city team may designate go into the task as {@value #DESIGNATABLE}, which the
     * form's select reads through {@code valuesKey}; {@link Transfers#designated} refuses any other.
     */
    @Component("designatableBodiesOffered")
    public static class DesignatableBodiesOffered implements TaskListener {

        static final String DESIGNATABLE = "designatableBodies";

        private final Transfers transfers;

        public DesignatableBodiesOffered(Transfers transfers) {
            this.transfers = transfers;
        }

        @Override
        public void notify(DelegateTask task) {
            task.setVariableLocal(DESIGNATABLE, FormOptions.variable(transfers.designatable(text(task, "transferNumber"))
                    .stream().map(body -> new FormOptions.Option(body.label(), body.value())).toList()));
        }
    }

    /** 指定管辖 completed. */
    @Component("designateJurisdictionCompleted")
    public static class DesignateJurisdictionCompleted implements TaskListener {

        private final Transfers transfers;

        public DesignateJurisdictionCompleted(Transfers transfers) {
            this.transfers = transfers;
        }

        @Override
        public void notify(DelegateTask task) {
            String designated = text(task, "designatedOrganisation");
            boolean kept = transfers.designated(text(task, "transferNumber"), designated,
                    text(task, "designationReason"), actor(task));
            task.getExecution().setVariable("jurisdictionKept", kept);
            task.getExecution().setVariable("targetOrganisation", designated);
        }
    }

    /** 移交: the lead or case moves to the target body with its history and evidence. */
    @Component("completeTransfer")
    public static class CompleteTransfer implements JavaDelegate {

        private final Transfers transfers;

        public CompleteTransfer(Transfers transfers) {
            this.transfers = transfers;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String user = ProcessActors.currentUser(execution.getProcessEngineServices());
            String received = asProcess(() -> transfers.complete(text(execution, "transferNumber"),
                    text(execution, "targetOrganisation"), user).getReceivedNumber());
            execution.setVariable("receivedNumber", received);
        }
    }

    /** assistanceRequest started: both bodies read it. */
    @Component("assistanceOpened")
    public static class AssistanceOpened implements ExecutionListener {

        private final Assistance assistance;

        public AssistanceOpened(Assistance assistance) {
            this.assistance = assistance;
        }

        @Override
        public void notify(DelegateExecution execution) {
            assistance.openInstance(execution.getProcessInstanceId(), text(execution, "requestingOrganisation"),
                    text(execution, "assistingOrganisation"));
        }
    }

    /** 协查办理 completed. */
    @Component("answerAssistanceCompleted")
    public static class AnswerAssistanceCompleted implements TaskListener {

        private final Assistance assistance;

        public AnswerAssistanceCompleted(Assistance assistance) {
            this.assistance = assistance;
        }

        @Override
        public void notify(DelegateTask task) {
            boolean replied = assistance.answered(text(task, "requestNumber"), text(task, "assistanceOutcome"),
                    text(task, "assistanceReply"), actor(task));
            task.getExecution().setVariable("assistanceReplied", replied);
        }
    }

    /** 协查结果签收 completed. */
    @Component("receiveAssistanceReplyCompleted")
    public static class ReceiveAssistanceReplyCompleted implements TaskListener {

        private final Assistance assistance;

        public ReceiveAssistanceReplyCompleted(Assistance assistance) {
            this.assistance = assistance;
        }

        @Override
        public void notify(DelegateTask task) {
            assistance.received(text(task, "requestNumber"), text(task, "receiptNote"), actor(task));
        }
    }

    /** The assistance deadline passed without an answer. */
    @Component("assistanceOverdue")
    public static class AssistanceOverdue implements JavaDelegate {

        private final Assistance assistance;

        public AssistanceOverdue(Assistance assistance) {
            this.assistance = assistance;
        }

        @Override
        public void execute(DelegateExecution execution) {
            assistance.overdue(text(execution, "requestNumber"));
        }
    }
}
