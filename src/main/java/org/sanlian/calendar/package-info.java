/**
 * The working-day calendar: statutory holidays and the State Council's adjusted working days, entered by an
 * administrator.
 */
@ApplicationModule(displayName = "工作日历 Calendar",
        allowedDependencies = { "platform" })
package org.sanlian.calendar;

import org.springframework.modulith.ApplicationModule;
