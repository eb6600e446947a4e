/** The case's evidence (证据), which documents, archives and the network read. */
@org.springframework.modulith.NamedInterface("evidence")
package org.sanlian.casefile.evidence;
