package org.sanlian.publication;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** {@code sanlian.publication.*} in application.yaml: the 公示 deadline and the outbox's delivery. */
@Component
@ConfigurationProperties("sanlian.publication")
class PublicationSettings {

    /** 国办发〔2018〕118号: decisions published within 7 working days (domain.md §2.9, confidence M). */
    private int publishWorkingDays = 7;

    /** The credit platform's intake (信用中国 / the provincial platform); blank: every push fails visibly. */
    private String creditEndpoint = "";

    private int maxAttempts = 6;

    /** The wait after the first failure; it doubles after each further one, up to {@link #maxBackoff}. */
    private Duration initialBackoff = Duration.ofMinutes(1);

    private Duration maxBackoff = Duration.ofHours(6);

    /** How long a node holds a message it is delivering before another node may take it over. */
    private Duration lease = Duration.ofMinutes(5);

    private Duration timeout = Duration.ofSeconds(10);

    public int getPublishWorkingDays() {
        return publishWorkingDays;
    }

    public void setPublishWorkingDays(int publishWorkingDays) {
        this.publishWorkingDays = publishWorkingDays;
    }

    public String getCreditEndpoint() {
        return creditEndpoint;
    }

    public void setCreditEndpoint(String creditEndpoint) {
        this.creditEndpoint = creditEndpoint;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
