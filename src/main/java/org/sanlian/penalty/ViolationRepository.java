package org.sanlian.penalty;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ViolationRepository extends JpaRepository<Violation, String> {

    List<Violation> findAllByOrderByCode();
}
