package org.sanlian.document;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * A document row carries its PDF ({@code content}), which Hibernate reads with the row (no bytecode enhancement,
 * so {@code FetchType.LAZY} on it is a hint only): the questions a step asks — which kinds the file holds, the newest
 * document's id, the next version — are asked by column, not by loading documents (issue 16).
 */
interface CaseDocumentRepository extends JpaRepository<CaseDocument, Long> {

    List<CaseDocument> findByCaseNumberOrderById(String caseNumber);

    /** The case's documents as its list shows them, by column: no PDF is read. */
    @Query("select new org.sanlian.document.DocumentEntry(d.id, d.caseNumber, d.kind, d.title, d.subject, d.version,"
            + " d.documentNumber, d.step, d.file.name, d.file.size, d.file.sha256, d.createdBy, d.createdAt)"
            + " from CaseDocument d where d.caseNumber = :caseNumber order by d.id")
    List<DocumentEntry> entriesOf(@Param("caseNumber") String caseNumber);

    /** A document's PDF alone (the archive reads them one at a time). */
    @Query("select d.file.content from CaseDocument d where d.id = :id")
    byte[] contentOf(@Param("id") long id);

    Optional<CaseDocument> findFirstByCaseNumberAndKindOrderByIdDesc(String caseNumber, DocumentKind kind);

    /** The kinds of document the case's file holds. */
    @Query("select distinct d.kind from CaseDocument d where d.caseNumber = :caseNumber")
    Set<DocumentKind> kindsOf(@Param("caseNumber") String caseNumber);

    /** The ids of the case's documents of a kind, the newest first. */
    @Query("select d.id from CaseDocument d where d.caseNumber = :caseNumber and d.kind = :kind order by d.id desc")
    List<Long> idsNewestFirst(@Param("caseNumber") String caseNumber, @Param("kind") DocumentKind kind, Limit limit);

    /** The highest version of a document (kind and subject) of the case, or null when there is none. */
    @Query("select max(d.version) from CaseDocument d"
            + " where d.caseNumber = :caseNumber and d.kind = :kind and d.subject = :subject")
    Integer latestVersion(@Param("caseNumber") String caseNumber, @Param("kind") DocumentKind kind,
            @Param("subject") String subject);
}
