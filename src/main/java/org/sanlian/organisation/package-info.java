/**
 * Enforcement bodies, officers, roles and their Camunda users and groups. Other modules ask Organisations and
 * Officers; the repositories stay inside.
 */
@ApplicationModule(displayName = "机构与人员 Organisation",
        allowedDependencies = { "platform" })
package org.sanlian.organisation;

import org.springframework.modulith.ApplicationModule;
