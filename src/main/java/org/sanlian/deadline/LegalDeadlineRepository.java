package org.sanlian.deadline;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LegalDeadlineRepository extends JpaRepository<LegalDeadline, Long> {

    List<LegalDeadline> findByActiveTrueAndProvisionalTrue();

    /**
     * A case's open deadline of a kind, read by nearly every step. Written out in JPQL: Hibernate keeps the plan of
     * a query string, while a derived finder's criteria query is copied and translated again on every call.
     */
    @Query("select d from LegalDeadline d where d.processInstanceId = ?1 and d.kind = ?2 and d.active = true")
    List<LegalDeadline> findByProcessInstanceIdAndKindAndActiveTrue(String processInstanceId, String kind);

    List<LegalDeadline> findByProcessInstanceIdOrderById(String processInstanceId);
}
