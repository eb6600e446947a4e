/** The case's parties and vehicles (当事人), which publication reads. */
@org.springframework.modulith.NamedInterface("party")
package org.sanlian.casefile.party;
