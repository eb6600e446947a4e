package org.sanlian.penalty;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentFactsRepository extends JpaRepository<PaymentFacts, String> {
}
