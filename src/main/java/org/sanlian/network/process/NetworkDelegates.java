package org.sanlian.network.process;

import static org.sanlian.platform.ProcessActors.actor;
import static org.sanlian.platform.ProcessActors.text;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 */
@Configuration(proxyBeanMethods = false)
class NetworkDelegates {

    /** caseTransfer started: the sender, the receiver and the city team read it. */
    @Bean
    ExecutionListener transferOpened(Transfers transfers) {
        return execution -> transfers.openInstance(execution.getProcessInstanceId(),
                text(execution, "fromOrganisation"), text(execution, "toOrganisation"));
    }

    /** 接收审查 completed. */
    @Bean
    TaskListener reviewTransferCompleted(Transfers transfers) {
        return task -> task.getExecution().setVariable("transferAccepted", transfers.reviewed(
                text(task, "transferNumber"), text(task, "transferDecision"), text(task, "reviewComment"), actor(task)));
    }

    /** 指定管辖 completed. */
    @Bean
    TaskListener designateJurisdictionCompleted(Transfers transfers) {
        return task -> {
            String designated = text(task, "designatedOrganisation");
            boolean kept = transfers.designated(text(task, "transferNumber"), designated,
                    text(task, "designationReason"), actor(task));
            task.getExecution().setVariable("jurisdictionKept", kept);
            task.getExecution().setVariable("targetOrganisation", designated);
        };
    }

    /**
     * 移交: the lead or case moves to the target body with its history and evidence. Moving instances between
     * bodies is what the process does on their behalf, not the user's own right.
     */
    @Bean
    JavaDelegate completeTransfer(Transfers transfers) {
        return execution -> {
            String user = ProcessActors.currentUser(execution.getProcessEngineServices());
            String received = Context.getCommandContext().runWithoutAuthorization(() -> transfers.complete(
                    text(execution, "transferNumber"), text(execution, "targetOrganisation"), user).getReceivedNumber());
            execution.setVariable("receivedNumber", received);
        };
    }

    /** assistanceRequest started: both bodies read it. */
    @Bean
    ExecutionListener assistanceOpened(Assistance assistance) {
        return execution -> assistance.openInstance(execution.getProcessInstanceId(),
                text(execution, "requestingOrganisation"), text(execution, "assistingOrganisation"));
    }

    /** 协查办理 completed. */
    @Bean
    TaskListener answerAssistanceCompleted(Assistance assistance) {
        return task -> task.getExecution().setVariable("assistanceReplied", assistance.answered(
                text(task, "requestNumber"), text(task, "assistanceOutcome"), text(task, "assistanceReply"), actor(task)));
    }

    /** 协查结果签收 completed. */
    @Bean
    TaskListener receiveAssistanceReplyCompleted(Assistance assistance) {
        return task -> assistance.received(text(task, "requestNumber"), text(task, "receiptNote"), actor(task));
    }

    /** The assistance deadline passed without an answer. */
    @Bean
    JavaDelegate assistanceOverdue(Assistance assistance) {
        return execution -> assistance.overdue(text(execution, "requestNumber"));
    }
}
