package org.sanlian.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The largest file a row can carry on this database (an archived volume is kept in parts smaller than it). A {@link StoredFile} goes to the database inside one INSERT, and
 * MariaDB takes a statement of at most {@code max_allowed_packet} bytes (16 MiB unless configured): a bigger one it
 * answers by dropping the connection, which reached the officer as a 500 after a 17 MiB video, under the 20 MB an
 * upload may be. MariaDB Connector/J sends the bytes as text with {@code '}, {@code "}, {@code \} and NUL escaped
 * (a byte more each), so a file fits when its escaped length and room for the statement and the row's other columns
 * are within the packet. H2 has no such limit. The value is read once at start; a change of the server's setting
 * counts after a restart of the application.
 */
@Component
public class StoredFileLimit {

    private static final Logger LOG = LoggerFactory.getLogger(StoredFileLimit.class);
    /** The statement's text and the row's other columns, with room to spare. */
    static final long ROW_ROOM = 64 * 1024;
    /** Below this a 20 MB upload cannot be kept: said at start. */
    static final long RECOMMENDED_PACKET = 32L * 1024 * 1024;

    private final long packetBytes;

    @Autowired
    StoredFileLimit(DataSource dataSource) {
        this(packetOf(dataSource));
    }

    /** For a database whose statements may be {@code packetBytes} long ({@link Long#MAX_VALUE}: no limit). */
    public StoredFileLimit(long packetBytes) {
        this.packetBytes = packetBytes;
        if (packetBytes < RECOMMENDED_PACKET) {
            LOG.warn("MariaDB max_allowed_packet is {} MiB: an evidence file of more than"
                    + " about {} MiB cannot be kept and is refused; set max_allowed_packet = 256M"
                    + " (docker/mariadb.cnf) and restart the application", packetBytes / (1024 * 1024),
                    largestFileBytes() / (1024 * 1024));
        }
    }

    /** Whether a row with this file fits in the one statement that stores it. */
    public boolean fits(byte[] content) {
        if (packetBytes == Long.MAX_VALUE) {
            return true;
        }
        long escaped = content.length;
        for (byte b : content) {
            if (b == 0 || b == '\'' || b == '"' || b == '\\') {
                escaped++;
            }
        }
        return escaped + ROW_ROOM <= packetBytes;
    }

    /** The largest file that always fits, whatever its bytes (each escaped), for the officer's message. */
    public long largestFileBytes() {
        return packetBytes == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, (packetBytes - ROW_ROOM) / 2);
    }

    /** 「…」 for an officer: the file's size is over what the database keeps. */
    public String tooLarge(long size) {
        return String.format(Locale.ROOT, "文件（%.1f MiB）超出数据库可保存的大小（max_allowed_packet %s MiB），"
                + "请压缩后上传，或请系统管理员调高 MariaDB 的 max_allowed_packet", size / (1024.0 * 1024),
                mib(packetBytes));
    }

    private static String mib(long bytes) {
        return bytes % (1024 * 1024) == 0 ? Long.toString(bytes / (1024 * 1024))
                : String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024));
    }

    private static long packetOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (!product.contains("mariadb") && !product.contains("mysql")) {
                return Long.MAX_VALUE;
            }
            try (Statement statement = connection.createStatement();
                    ResultSet packet = statement.executeQuery("SELECT @@max_allowed_packet")) {
                packet.next();
                return packet.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database's max_allowed_packet cannot be read", e);
        }
    }
}
