/**
 * Sign-in, the engine API guard and who may see which case (Visibility).
 */
@ApplicationModule(displayName = "安全 Security",
        allowedDependencies = { "organisation", "platform", "platform :: forms" })
package org.sanlian.security;

import org.springframework.modulith.ApplicationModule;
