/**
 * Publication of penalty decisions (行政处罚决定公开) and credit reporting through an outbox; listens to PenaltyDecided.
 */
@ApplicationModule(displayName = "公示 Publication",
        allowedDependencies = { "platform", "calendar", "casefile", "casefile :: party", "penalty", "security" })
package org.sanlian.publication;

import org.springframework.modulith.ApplicationModule;
