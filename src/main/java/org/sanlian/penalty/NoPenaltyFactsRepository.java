package org.sanlian.penalty;

import org.springframework.data.jpa.repository.JpaRepository;

interface NoPenaltyFactsRepository extends JpaRepository<NoPenaltyFacts, String> {
}
