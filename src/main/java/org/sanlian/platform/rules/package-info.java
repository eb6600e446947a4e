/** How the engine evaluates the analysts' rule tables (DMN), kept as the law's tables say and cheap to run. */
package org.sanlian.platform.rules;
