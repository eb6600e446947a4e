package org.sanlian.platform;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.retry.RetryContext;
import org.springframework.retry.backoff.UniformRandomBackOffPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The domain API's counterpart of {@link DeadlockRetryPlugin}: a {@code @Transactional} method of ours that starts
 * its own transaction and loses a deadlock (MariaDB 1213, a lock wait timeout, SQLSTATE 40001) runs again, in a
 * fresh transaction, at most {@value #TRIES} times with a short random pause (spring-retry's {@link RetryTemplate}).
 * The advice sits outside the transaction advice, so every try is a whole transaction; a method called inside a
 * caller's transaction is left alone (that transaction is doomed, and its outermost method retries it). An
 * optimistic-locking failure is not retried: that is a real race, and its loser gets 409, as does a deadlock still
 * lost after the last try ({@link StorageFailures}).
 */
@Configuration(proxyBeanMethods = false)
class DeadlockRetry {

    static final int TRIES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(DeadlockRetry.class);

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor deadlockRetryAdvisor() {
        ClassFilter ours = type -> type.getName().startsWith("org.sanlian.");
        ComposablePointcut transactional = new ComposablePointcut(new AnnotationMatchingPointcut(Transactional.class, true))
                .union(new AnnotationMatchingPointcut(null, Transactional.class, true))
                .intersection(ours);
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(transactional, new Interceptor(template()));
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 100); // outside the transaction advice (lowest precedence)
        return advisor;
    }

    static RetryTemplate template() {
        RetryTemplate template = new RetryTemplate();
        template.setRetryPolicy(new DeadlockPolicy());
        UniformRandomBackOffPolicy pause = new UniformRandomBackOffPolicy();
        pause.setMinBackOffPeriod(20);
        pause.setMaxBackOffPeriod(150);
        template.setBackOffPolicy(pause);
        template.setThrowLastExceptionOnExhausted(true);
        return template;
    }

    /** Retries only a deadlock, and only {@value #TRIES} tries in all. */
    static final class DeadlockPolicy extends SimpleRetryPolicy {
        DeadlockPolicy() {
            super(TRIES);
        }

        @Override
        public boolean canRetry(RetryContext context) {
            Throwable last = context.getLastThrowable();
            return (last == null || DeadlockRetryPlugin.isDeadlock(last)) && context.getRetryCount() < TRIES;
        }
    }

    static final class Interceptor implements MethodInterceptor {
        private final RetryTemplate template;

        Interceptor(RetryTemplate template) {
            this.template = template;
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            if (TransactionSynchronizationManager.isActualTransactionActive()
                    || !(invocation instanceof ProxyMethodInvocation proxied)) {
                return invocation.proceed();
            }
            return template.execute(context -> {
                if (context.getRetryCount() > 0) {
                    LOG.warn("{}.{} lost a deadlock (try {} of {}), running it again",
                            invocation.getMethod().getDeclaringClass().getSimpleName(),
                            invocation.getMethod().getName(), context.getRetryCount() + 1, TRIES);
                }
                // a clone runs the rest of the chain again, the transaction advice included
                return proxied.invocableClone().proceed();
            });
        }
    }
}
