-- The audit log of failed logins (issue 15): every refused password, on the APIs' HTTP Basic and the webapps'
-- login form, with the source address it came from and whether the throttle then held that source back.
CREATE TABLE login_failure (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    failed_at       TIMESTAMP     NOT NULL,
    account         VARCHAR(64)   NOT NULL,
    source_address  VARCHAR(64)   NOT NULL,
    channel         VARCHAR(16)   NOT NULL,
    blocked_seconds INT           NOT NULL
);
CREATE INDEX login_failure_account ON login_failure (account, failed_at);
