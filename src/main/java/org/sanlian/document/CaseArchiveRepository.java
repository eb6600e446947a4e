package org.sanlian.document;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * An archive row carries the whole volume (every document and evidence file of the case, zipped): loaded only to be
 * downloaded; its number and index are read by column.
 */
interface CaseArchiveRepository extends JpaRepository<CaseArchive, Long> {

    Optional<CaseArchive> findFirstByCaseNumberOrderByVersionDesc(String caseNumber);

    /** The highest version archived for the case, or null when there is none. */
    @Query("select max(a.version) from CaseArchive a where a.caseNumber = :caseNumber")
    Integer latestVersion(@Param("caseNumber") String caseNumber);

    /** The newest volume's index and its file's name and SHA-256, without the volume. */
    @Query("select new org.sanlian.document.ArchiveIndex(a.indexJson, a.file.name, a.file.sha256) from CaseArchive a"
            + " where a.caseNumber = :caseNumber and a.version ="
            + " (select max(b.version) from CaseArchive b where b.caseNumber = :caseNumber)")
    Optional<ArchiveIndex> latestIndex(@Param("caseNumber") String caseNumber);
}
