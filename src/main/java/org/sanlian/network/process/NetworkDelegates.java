package org.sanlian.network.process;

import static org.sanlian.platform.ProcessActors.actor;
import static org.sanlian.platform.ProcessActors.text;

import org.camunda.bpm.engine.impl.context.Context;
import org.sanlian.network.Assistance;
import org.sanlian.network.Transfers;
import org.sanlian.platform.ProcessActors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin adapters of caseTransfer and assistanceRequest, one bean a step, named as the models call them: each
 * reads the variables of one step, calls one method of {@link Transfers} or {@link Assistance} and writes the result
 * back for the next gateway.
 * <p>
 * Each bean is an {@link ExecutionStep} or a {@link TaskStep}, never a bare lambda: the model sandbox lets
 * expressions reach only beans whose class is Sanlian's own (SandboxPlugin#stepBeans), and a lambda's class is not,
 * so {@code ${transferOpened}} would not resolve.
 */
@Configuration(proxyBeanMethods = false)
class NetworkDelegates {

    /** caseTransfer started: the sender, the receiver and the city team read it. */
    @Bean
    ExecutionStep transferOpened(Transfers transfers) {
        return new ExecutionStep(execution -> transfers.openInstance(execution.getProcessInstanceId(),
                text(execution, "fromOrganisation"), text(execution, "toOrganisation")));
    }

    /** 接收审查 completed. */
    @Bean
    TaskStep reviewTransferCompleted(Transfers transfers) {
        return new TaskStep(task -> {
            boolean accepted = transfers.reviewed(text(task, "transferNumber"), text(task, "transferDecision"),
                    text(task, "reviewComment"), actor(task));
            task.getExecution().setVariable("transferAccepted", accepted);
            if (!accepted) {
                transfers.designationDue(task.getProcessInstanceId(), task.getExecution());
            }
        });
    }

    /** 指定管辖 completed. */
    @Bean
    TaskStep designateJurisdictionCompleted(Transfers transfers) {
        return new TaskStep(task -> {
            String designated = text(task, "designatedOrganisation");
            // kept, a lead sent away at 立案审批 is verified again by its holder: the process starts that, not the
            // city head's own right
            boolean kept = Context.getCommandContext().runWithoutAuthorization(() -> transfers.designated(
                    text(task, "transferNumber"), designated, text(task, "designationReason"), actor(task)));
            task.getExecution().setVariable("jurisdictionKept", kept);
            task.getExecution().setVariable("targetOrganisation", designated);
        });
    }

    /**
     * 移交: the lead or case moves to the target body with its history and evidence. Moving instances between
     * bodies is what the process does on their behalf, not the user's own right.
     */
    @Bean
    ExecutionStep completeTransfer(Transfers transfers) {
        return new ExecutionStep(execution -> {
            String user = ProcessActors.currentUser(execution.getProcessEngineServices());
            String received = Context.getCommandContext().runWithoutAuthorization(() -> transfers.complete(
                    text(execution, "transferNumber"), text(execution, "targetOrganisation"), user)
                    .getReceivedNumber());
            execution.setVariable("receivedNumber", received);
        });
    }

    /**
     * 立案审批 decided 移送有管辖权的机关 (leadIntake, 行政处罚法 Art. 25): the lead is sent to the body the head chose,
     * as 移送管辖 (caseTransfer) — the receiving body's head accepts or refuses it, the city team designates on a
     * refusal. Starting the transfer is the process's doing on the holder's behalf, not the user's own right.
     */
    @Bean
    ExecutionStep leadTransferRequested(Transfers transfers) {
        return new ExecutionStep(execution -> {
            String user = ProcessActors.currentUser(execution.getProcessEngineServices());
            String number = Context.getCommandContext().runWithoutAuthorization(() -> transfers.requestedAtFiling(
                    text(execution, "leadNumber"), text(execution, "organisationCode"), text(execution, "transferTo"),
                    text(execution, "decisionReason"), user).getNumber());
            execution.setVariable("transferNumber", number);
        });
    }

    /** assistanceRequest started: both bodies read it. */
    @Bean
    ExecutionStep assistanceOpened(Assistance assistance) {
        return new ExecutionStep(execution -> assistance.openInstance(execution.getProcessInstanceId(),
                text(execution, "requestingOrganisation"), text(execution, "assistingOrganisation")));
    }

    /** 协查办理 completed. */
    @Bean
    TaskStep answerAssistanceCompleted(Assistance assistance) {
        return new TaskStep(task -> task.getExecution().setVariable("assistanceReplied", assistance.answered(
                text(task, "requestNumber"), text(task, "assistanceOutcome"), text(task, "assistanceReply"),
                actor(task))));
    }

    /** 协查结果签收 completed. */
    @Bean
    TaskStep receiveAssistanceReplyCompleted(Assistance assistance) {
        return new TaskStep(task -> assistance.received(text(task, "requestNumber"), text(task, "receiptNote"),
                actor(task)));
    }

    /** The assistance deadline passed without an answer. */
    @Bean
    ExecutionStep assistanceOverdue(Assistance assistance) {
        return new ExecutionStep(execution -> assistance.overdue(text(execution, "requestNumber")));
    }
}
