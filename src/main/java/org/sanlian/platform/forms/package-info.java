/** Form field reading and form rules every feature's Camunda listeners share. */
@org.springframework.modulith.NamedInterface("forms")
package org.sanlian.platform.forms;
