package org.sanlian.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * On an empty MariaDB/MySQL database, creates Camunda's tables from Camunda's own MySQL scripts but in
 * utf8mb4 instead of the scripts' three-byte utf8, so that names such as 𠮷 can be stored in variables,
 * users and history. Runs before the engine looks for its schema; the engine then finds it complete and
 * goes on as usual (later upgrades use Camunda's upgrade scripts; MariaDbCharsetGuard converts any new table).
 */
@Component
class Utf8mb4CamundaSchema extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(Utf8mb4CamundaSchema.class);

    /** The order in which Camunda itself creates them: later scripts reference earlier tables. */
    static final List<String> SCRIPTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DataSource dataSource = configuration.getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            if (!(product.contains("mariadb") || product.contains("mysql")) || camundaTablesExist(connection)) {
                return;
            }
            LOG.info("Creating Camunda's tables in utf8mb4");
            for (String script : SCRIPTS) {
                ScriptUtils.executeSqlScript(connection, new EncodedResource(utf8mb4(script), StandardCharsets.UTF_8));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot create Camunda's tables in utf8mb4: " + e.getMessage(), e);
        }
    }

    private static boolean camundaTablesExist(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, "ACT_GE_PROPERTY", null)) {
            if (tables.next()) {
                return true;
            }
        }
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, "act_ge_property", null)) {
            return tables.next();
        }
    }

    private static ByteArrayResource utf8mb4(String script) throws IOException {
        String path = "org/camunda/bpm/engine/db/create/activiti.mysql.create." + script + ".sql";
        try (InputStream in = Utf8mb4CamundaSchema.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("Camunda script not on the classpath: " + path);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("CHARSET=utf8 COLLATE utf8_bin", "CHARSET=utf8mb4 COLLATE utf8mb4_bin");
            return new ByteArrayResource(sql.getBytes(StandardCharsets.UTF_8), path);
        }
    }
}
