/**
 * Cross-cutting plumbing: Problem Details for bad input, engine REST and webapp wiring, the model sandbox, form
 * field reading (named interface forms) and Chinese identifier checks (named interface identifiers). Depends on no
 * feature.
 */
@ApplicationModule(displayName = "平台 Platform",
        allowedDependencies = {})
package org.sanlian.platform;

import org.springframework.modulith.ApplicationModule;
