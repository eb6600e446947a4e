package org.sanlian.deadline;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LegalDeadlineRepository extends JpaRepository<LegalDeadline, Long> {

    List<LegalDeadline> findByActiveTrueAndProvisionalTrue();

    List<LegalDeadline> findByProcessInstanceIdAndKindAndActiveTrue(String processInstanceId, String kind);

    List<LegalDeadline> findByProcessInstanceIdOrderById(String processInstanceId);
}
