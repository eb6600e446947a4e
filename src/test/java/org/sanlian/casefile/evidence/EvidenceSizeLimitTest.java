package org.sanlian.casefile.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.casefile.CaseFile;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.casefile.CaseStatus;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.StoredFileLimit;

/**
 * 行政处罚法 Art. 46: an evidence file is kept whole or not at all. One the database cannot keep in a statement
 * (MariaDB's max_allowed_packet, 16 MiB unless configured, under the 20 MB an upload may be) is refused as the
 * officer's input — 400 naming the file, with its size and the limit — before anything is sent: MariaDB answered the
 * statement by dropping the connection, which reached the officer as a 500.
 */
@DisplayName("行政处罚法 Art. 46 — an evidence file over the database's limit is refused naming the file; nothing is stored")
class EvidenceSizeLimitTest {

    @Test
    @DisplayName("a 2 MiB photo under a 1 MiB packet: 400 naming file, its size and the limit; the repository never asked to save")
    void fileOverTheDatabasesLimitIsRefused() {
        EvidenceRepository repository = mock(EvidenceRepository.class);
        CaseFiles caseFiles = mock(CaseFiles.class);
        CaseFile open = mock(CaseFile.class);
        when(open.getStatus()).thenReturn(CaseStatus.FILED);
        when(caseFiles.byNumber(any())).thenReturn(open);
        EvidenceService evidence = new EvidenceService(repository, caseFiles,
                new StoredFileLimit(1024 * 1024), Optional.empty());
        byte[] photo = new byte[2 * 1024 * 1024];

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> evidence.add(
                "庆交执西立〔2026〕1号", "AUDIOVISUAL", "现场照片", "现场照片.jpg", "image/jpeg", photo, "xfhandler1"));

        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("file");
        assertThat(refused.violations().get(0).message()).contains("2.0 MiB", "max_allowed_packet 1 MiB");
        verify(repository, never()).save(any());
    }
}
