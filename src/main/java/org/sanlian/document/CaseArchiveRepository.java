package org.sanlian.document;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * An archive row carries the volume's index, name, size and SHA-256; its bytes are in parts ({@link ArchiveParts}).
 */
interface CaseArchiveRepository extends JpaRepository<CaseArchive, Long> {

    Optional<CaseArchive> findFirstByCaseNumberOrderByVersionDesc(String caseNumber);

    /** The highest version archived for the case, or null when there is none. */
    @Query("select max(a.version) from CaseArchive a where a.caseNumber = :caseNumber")
    Integer latestVersion(@Param("caseNumber") String caseNumber);

    /** The newest volume's index and its file's name and SHA-256, without the volume. */
    @Query("select new org.sanlian.document.ArchiveIndex(a.indexJson, a.fileName, a.sha256) from CaseArchive a"
            + " where a.caseNumber = :caseNumber and a.version ="
            + " (select max(b.version) from CaseArchive b where b.caseNumber = :caseNumber)")
    Optional<ArchiveIndex> latestIndex(@Param("caseNumber") String caseNumber);
}
