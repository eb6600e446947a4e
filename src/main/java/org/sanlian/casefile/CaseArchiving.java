package org.sanlian.casefile;

import java.util.Map;

/**
 * 归档 (domain.md §2.14): the case is about to be archived. Published inside the step's transaction; the document
 * module checks the file and stores the volume, and a refusal keeps the case unarchived.
 */
public record CaseArchiving(String caseNumber, Map<String, Object> variables) {
}
