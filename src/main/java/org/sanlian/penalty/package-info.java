/**
 * The violation catalogue with its discretion benchmarks, the late-payment surcharge and the rule that defence
 * never makes a penalty heavier.
 */
@ApplicationModule(displayName = "处罚 Penalty",
        allowedDependencies = { "platform" })
package org.sanlian.penalty;

import org.springframework.modulith.ApplicationModule;
