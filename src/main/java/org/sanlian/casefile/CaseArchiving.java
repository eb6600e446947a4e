package org.sanlian.casefile;

import java.util.Map;

/**
 * 归档 (domain.md §2.14): the case is about to be archived. Published inside the step's transaction; the document
 * module checks the file there (a refusal keeps the case unarchived) and stores the volume once the step commits.
 */
public record CaseArchiving(String caseNumber, Map<String, Object> variables) {
}
