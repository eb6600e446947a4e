package org.sanlian.penalty;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PenaltyFactsRepository extends JpaRepository<PenaltyFacts, String> {
}
