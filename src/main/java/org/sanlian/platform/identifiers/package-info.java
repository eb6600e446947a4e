/** Checks of Chinese identifiers (resident ID, unified social credit code, plates) every feature shares. */
@org.springframework.modulith.NamedInterface("identifiers")
package org.sanlian.platform.identifiers;
