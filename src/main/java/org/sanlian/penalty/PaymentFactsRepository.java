package org.sanlian.penalty;

import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentFactsRepository extends JpaRepository<PaymentFacts, String> {
}
