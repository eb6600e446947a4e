package org.sanlian.casefile.evidence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    /** The items with their files' bytes: for the archive volume and a transfer's copy, which need them. */
    List<Evidence> findByCaseNumberOrderById(String caseNumber);

    /** The items as a list shows them, by column: no file's bytes are read. */
    @Query("select new org.sanlian.casefile.evidence.EvidenceEntry(e.id, e.caseNumber, e.type, e.title, e.file.name,"
            + " e.file.size, e.file.sha256, e.contentType, e.addedBy, e.addedAt)"
            + " from Evidence e where e.caseNumber = :caseNumber order by e.id")
    List<EvidenceEntry> entriesOf(@Param("caseNumber") String caseNumber);

    @Query("select e.file.content from Evidence e where e.id = :id")
    byte[] contentOf(@Param("id") long id);

    @Query("select count(e) from Evidence e where e.caseNumber = :caseNumber")
    long countOf(@Param("caseNumber") String caseNumber);
}
