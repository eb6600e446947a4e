package org.sanlian.document;

import org.sanlian.platform.ChinaTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sanlian.casefile.CaseFile;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.casefile.evidence.EvidenceEntry;
import org.sanlian.casefile.evidence.EvidenceService;
import org.sanlian.document.CaseEnding.Requirement;
import org.sanlian.organisation.Organisation;
import org.sanlian.organisation.Organisations;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一案一卷 (行政处罚法 Art. 47; domain.md §2.14): checks that a case file is complete for the way the case ended,
 * and assembles the volume — an index page, then the 正卷 and 副卷 documents in statutory order (the newest
 * version of each), then the evidence files — as one ZIP with its index, kept in the domain store.
 */
@Service
@Transactional
public class CaseArchives {

    /** Evidence sits in the 正卷 after the hearing and inquiry records (domain.md §2.14). */
    private static final int EVIDENCE_ORDER = 60;

    /** One entry of the volume's index. */
    public record Entry(int position, String volume, String kind, String title, String documentNumber,
            Integer version, String fileName, long size, String sha256, Long documentId, Long evidenceId) {
    }

    /** The index of a volume, stored with it as JSON and shown on its first page. */
    public record Index(String caseNumber, String partyName, String organisation, String ending, int version,
            Instant archivedAt, List<Entry> entries) {
    }

    private final CaseArchiveRepository archives;
    private final CaseDocumentRepository documents;
    private final ServiceRecordRepository services;
    private final EvidenceService evidence;
    private final CaseFiles caseFiles;
    private final DocumentRenderer renderer;
    private final DocumentRenderQueue renders;
    private final ObjectMapper json;
    private final Organisations organisations;
    private final ArchiveParts parts;
    private final Clock clock;

    public CaseArchives(CaseArchiveRepository archives, CaseDocumentRepository documents,
            ServiceRecordRepository services, EvidenceService evidence, CaseFiles caseFiles, DocumentRenderer renderer,
            DocumentRenderQueue renders, ObjectMapper json, Organisations organisations, ArchiveParts parts,
            Optional<Clock> clock) {
        this.parts = parts;
        this.organisations = organisations;
        this.renders = renders;
        this.archives = archives;
        this.documents = documents;
        this.services = services;
        this.evidence = evidence;
        this.caseFiles = caseFiles;
        this.renderer = renderer;
        this.json = json;
        this.clock = clock.orElse(Clock.system(ChinaTime.CHINA));
    }

    /** The documents the file still lacks for the way the case ended, by name. */
    @Transactional(readOnly = true)
    public List<String> missing(String caseNumber, Map<String, Object> variables, boolean withClosureReport) {
        // a document its step asked for and that is being rendered is in the file (issue 16); read before the
        // documents, so one rendered in between is found among them rather than in neither list
        Set<DocumentKind> pending = renders.pendingKinds(caseNumber);
        Set<Long> receiptsPending = renders.pendingReceipts(caseNumber);
        // by kind only: the documents' PDFs are not read to check the file (issue 16)
        Set<DocumentKind> held = documents.kindsOf(caseNumber);
        // as values: the step may hold a service entity it loaded before the receipt was made (its first look)
        List<Object[]> served = services.receiptsOf(caseNumber);
        List<String> missing = new ArrayList<>();
        for (Requirement requirement : CaseEnding.of(variables).requirements(variables, withClosureReport)) {
            boolean present = requirement.served() == null
                    ? pending.contains(requirement.kind())
                            || held.contains(requirement.kind())
                    : served.stream().anyMatch(s -> s[1] == requirement.served()
                            && (s[2] != null || receiptsPending.contains((Long) s[0])));
            if (!present) {
                missing.add(requirement.name());
            }
        }
        return missing;
    }

    /** Closure is refused while the file lacks a document: each missing one is named (field {@code field}). */
    public void requireComplete(String caseNumber, Map<String, Object> variables, boolean withClosureReport,
            String field) {
        List<String> missing = missing(caseNumber, variables, withClosureReport);
        if (!missing.isEmpty()) {
            List<FieldViolation> violations = new ArrayList<>();
            for (String name : missing) {
                violations.add(new FieldViolation(field, "案卷不完整，不能结案：缺少" + name + "（一案一卷，行政处罚法第四十七条）"));
            }
            throw new InvalidInputException(violations);
        }
    }

    /**
     * Checks the file and stores the volume (a new version if the case was archived before). Called by the render
     * queue once the documents the case's steps asked for are made ({@link DocumentRenderQueue#enqueueArchive}).
     * The volume is zipped straight into its stored parts, one document or evidence file read at a time: neither the
     * case's files nor the volume are ever held whole in memory, and no size of volume is too large to keep.
     */
    CaseArchive archive(String caseNumber, Map<String, Object> variables) {
        requireComplete(caseNumber, variables, true, "caseNumber");
        CaseFile caseFile = caseFiles.byNumber(caseNumber);
        CaseEnding ending = CaseEnding.of(variables);
        Integer archived = archives.latestVersion(caseNumber);
        int version = archived == null ? 1 : archived + 1;
        Instant now = Instant.now(clock);

        // by column: the files are read one by one as they are zipped
        List<Object> items = new ArrayList<>(newestVersions(caseNumber));
        items.addAll(evidence.entriesOf(caseNumber));
        items.sort(Comparator.comparingInt(CaseArchives::volumeOf).thenComparingInt(CaseArchives::orderOf));

        List<Entry> entries = new ArrayList<>();
        for (Object item : items) {
            int position = entries.size() + 1;
            if (item instanceof DocumentEntry d) {
                String name = String.format("%02d-%s-%s.pdf", position, d.kind().volume().chineseName(), d.title());
                entries.add(new Entry(position, d.kind().volume().chineseName(), d.kind().name(), d.title(),
                        d.documentNumber(), d.version(), name, d.size(), d.sha256(), d.id(), null));
            } else if (item instanceof EvidenceEntry e) {
                String name = String.format("%02d-%s-证据-%s%s", position, DocumentKind.Volume.MAIN.chineseName(),
                        e.getTitle(), extension(e.getFile().getName()));
                entries.add(new Entry(position, DocumentKind.Volume.MAIN.chineseName(), "EVIDENCE",
                        e.getType().chineseName() + "：" + e.getTitle(), null, null, name, e.getFile().getSize(),
                        e.getFile().getSha256(), null, e.getId()));
            }
        }
        Index index = new Index(caseNumber, caseFile.getPartyName(), caseFile.getOrganisationCode(),
                ending.chineseName(), version, now, entries);
        // the body by its name, never by its code
        String organisationName = organisations.byCode(caseFile.getOrganisationCode()).map(Organisation::getName)
                .orElse("");
        byte[] indexPdf = renderer.render("archive-index.html", Map.of("index", index, "caseFile", caseFile,
                "organisationName", organisationName));
        String indexJson = toJson(index);

        CaseArchive archive = archives.save(new CaseArchive(caseNumber, version, ending, indexJson, null, now));
        ArchiveParts.Writer volume = parts.writer(archive.getId());
        try (ZipOutputStream out = new ZipOutputStream(volume, StandardCharsets.UTF_8)) {
            put(out, "00-卷内目录.pdf", indexPdf);
            put(out, "index.json", indexJson.getBytes(StandardCharsets.UTF_8));
            for (Entry entry : entries) {
                put(out, entry.fileName(), entry.documentId() != null ? documents.contentOf(entry.documentId())
                        : evidence.contentOf(entry.evidenceId()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        archive.stored(volume.size(), volume.sha256());
        return archive;
    }

    /** Writes the volume's bytes to {@code out}, a part at a time (the download). */
    @Transactional(readOnly = true)
    public void copyVolume(CaseArchive archive, OutputStream out) throws IOException {
        parts.copy(archive.getId(), out);
    }

    /** The newest volume's index, without reading the volume. */
    @Transactional(readOnly = true)
    public ArchiveIndex latestIndex(String caseNumber) {
        return archives.latestIndex(caseNumber)
                .orElseThrow(() -> new NotFoundException("archive of case", caseNumber));
    }

    @Transactional(readOnly = true)
    public CaseArchive latest(String caseNumber) {
        return archives.findFirstByCaseNumberOrderByVersionDesc(caseNumber)
                .orElseThrow(() -> new NotFoundException("archive of case", caseNumber));
    }

    /**
     * The newest version of each document (kind and subject) of the case, by column; every version of a document
     * whose versions are acts of their own (each 法制审核意见书).
     */
    private List<DocumentEntry> newestVersions(String caseNumber) {
        Map<String, DocumentEntry> newest = new LinkedHashMap<>();
        for (DocumentEntry d : documents.entriesOf(caseNumber)) {
            String key = d.kind() + "/" + d.subject() + (d.kind().eachVersionFiled() ? "/" + d.version() : "");
            newest.merge(key, d, (a, b) -> b.version() > a.version() ? b : a);
        }
        return new ArrayList<>(newest.values());
    }

    private static int volumeOf(Object item) {
        return item instanceof DocumentEntry d ? d.kind().volume().ordinal() : DocumentKind.Volume.MAIN.ordinal();
    }

    private static int orderOf(Object item) {
        return item instanceof DocumentEntry d ? d.kind().order() : EVIDENCE_ORDER;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot);
    }

    private String toJson(Index index) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(index);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }
}
