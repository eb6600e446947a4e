package org.sanlian.lead;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeadEventRepository extends JpaRepository<LeadEvent, Long> {

    List<LeadEvent> findByLeadIdOrderById(Long leadId);
}
