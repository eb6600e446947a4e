package org.sanlian.penalty;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PoliceFilingRepository extends JpaRepository<PoliceFiling, Long> {

    @Query("select f from PoliceFiling f where f.caseNumber = :caseNumber order by f.id")
    List<PoliceFiling> ofCase(@Param("caseNumber") String caseNumber);
}
