package org.sanlian.penalty;

import org.springframework.data.jpa.repository.JpaRepository;

/** The stored facts of on-the-spot decisions, by lead number. */
public interface SummaryDecisionRepository extends JpaRepository<SummaryDecision, String> {
}
