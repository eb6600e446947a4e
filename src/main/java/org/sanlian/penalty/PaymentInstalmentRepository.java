package org.sanlian.penalty;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PaymentInstalmentRepository extends JpaRepository<PaymentInstalment, Long> {

    @Query("select i from PaymentInstalment i where i.caseNumber = :caseNumber order by i.seq")
    List<PaymentInstalment> ofCase(@Param("caseNumber") String caseNumber);
}
