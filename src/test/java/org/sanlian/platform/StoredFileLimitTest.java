package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A file goes to MariaDB inside one INSERT of at most max_allowed_packet bytes, its ', ", \ and NUL escaped: whether
 * it fits is decided from its escaped length, before anything is sent (a statement over the packet costs the
 * connection). H2 has no such limit.
 */
@DisplayName("a stored file fits its database's statement: MariaDB's max_allowed_packet, counting the escaped bytes")
class StoredFileLimitTest {

    private static final long MIB = 1024 * 1024;

    @Test
    @DisplayName("under a 1 MiB packet: a file of plain bytes up to the packet less the row's room fits, one byte more does not")
    void plainBytesUpToThePacket() {
        StoredFileLimit limit = new StoredFileLimit(MIB);
        byte[] plain = new byte[(int) (MIB - StoredFileLimit.ROW_ROOM)];
        Arrays.fill(plain, (byte) 'a');
        assertThat(limit.fits(plain)).isTrue();
        assertThat(limit.fits(Arrays.copyOf(plain, plain.length + 1))).isFalse();
    }

    @Test
    @DisplayName("bytes the driver escapes count twice: half a packet of NUL bytes does not fit, the largest file named to the officer always does")
    void escapedBytesCountTwice() {
        StoredFileLimit limit = new StoredFileLimit(MIB);
        byte[] zeros = new byte[(int) (MIB / 2)];
        assertThat(limit.fits(zeros)).isFalse();
        byte[] worst = new byte[(int) limit.largestFileBytes()];
        Arrays.fill(worst, (byte) '\\');
        assertThat(limit.fits(worst)).isTrue();
        assertThat(limit.tooLarge(3 * MIB)).contains("3.0 MiB", "max_allowed_packet 1 MiB");
    }

    @Test
    @DisplayName("MariaDB's default 16 MiB packet refuses a 19 MiB video; 256 MiB (docker/mariadb.cnf) keeps it; H2 keeps anything")
    void defaultsAndTheRecommendedSetting() {
        byte[] video = new byte[(int) (19 * MIB)];
        new Random(46).nextBytes(video);
        assertThat(new StoredFileLimit(16 * MIB).fits(video)).isFalse();
        assertThat(new StoredFileLimit(256 * MIB).fits(video)).isTrue();
        assertThat(new StoredFileLimit(Long.MAX_VALUE).fits(video)).isTrue();
    }
}
