package org.sanlian.publication;

/**
 * Delivers one penalty record to the credit platform (信用中国 / 信用交通, 双公示). The default posts JSON to
 * {@code sanlian.publication.credit-endpoint}; a deployment with another interface provides its own {@code @Primary} bean.
 * Throwing means "not delivered": the outbox retries.
 */
interface CreditSender {

    void send(String decisionNumber, String payloadJson) throws Exception;
}
