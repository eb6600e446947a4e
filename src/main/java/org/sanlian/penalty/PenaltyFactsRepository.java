package org.sanlian.penalty;

import org.springframework.data.jpa.repository.JpaRepository;

interface PenaltyFactsRepository extends JpaRepository<PenaltyFacts, String> {
}
