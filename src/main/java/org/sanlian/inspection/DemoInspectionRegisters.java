package org.sanlian.inspection;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo profile's joint-inspection registers (一单两库, domain.md §5): enterprises, vehicles, inspectors, conflicts
 * and items of the demo bodies, one CSV file a table under resources/demo/inspection-registers/ (the header names the
 * columns; an empty cell is NULL, TRUE and FALSE are flags). Inserted at start when no demo enterprise is present, in
 * one transaction, so a start finds them all or none; every row is marked demo.
 */
@Component
@Order(25)
@Profile("demo")
class DemoInspectionRegisters implements ApplicationRunner {

    static final String FOLDER = "demo/inspection-registers/";
    /** In the order their foreign keys allow. */
    static final List<String> TABLES = List.of("inspection_enterprise", "inspection_vehicle", "inspection_inspector",
            "inspection_conflict", "inspection_item");

    private static final CSVFormat ROWS = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setNullString("").get();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public DemoInspectionRegisters(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM inspection_enterprise WHERE demo = TRUE",
                    Integer.class);
            if (present != null && present == 0) {
                TABLES.forEach(this::insertRows);
            }
        });
    }

    private void insertRows(String table) {
        try (Reader file = new InputStreamReader(new ClassPathResource(FOLDER + table + ".csv").getInputStream(),
                StandardCharsets.UTF_8); CSVParser rows = ROWS.parse(file)) {
            List<String> columns = rows.getHeaderNames();
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            jdbc.batchUpdate(insert, rows.stream()
                    .map(row -> row.stream().map(DemoInspectionRegisters::value).toArray())
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("demo registers " + FOLDER + table + ".csv", e);
        }
    }

    /** A flag as a boolean; dates, timestamps and text as written, for the database to read as its column's type. */
    private static Object value(String cell) {
        return "TRUE".equals(cell) ? Boolean.TRUE : "FALSE".equals(cell) ? (Object) Boolean.FALSE : cell;
    }
}
