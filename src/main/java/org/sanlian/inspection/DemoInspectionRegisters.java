package org.sanlian.inspection;

import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo profile's joint-inspection registers (一单两库, domain.md §5): enterprises, vehicles, inspectors, conflicts
 * and items of the demo bodies, from resources/demo/inspection-registers.sql. Inserted at start when no demo
 * enterprise is present, in one transaction, so a start finds them all or none; every row is marked demo.
 */
@Component
@Order(25)
@Profile("demo")
class DemoInspectionRegisters implements ApplicationRunner {

    static final String SCRIPT = "demo/inspection-registers.sql";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public DemoInspectionRegisters(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM inspection_enterprise WHERE demo = TRUE",
                    Integer.class);
            if (present != null && present == 0) {
                ResourceDatabasePopulator script = new ResourceDatabasePopulator(new ClassPathResource(SCRIPT));
                script.setSqlScriptEncoding(StandardCharsets.UTF_8.name());
                script.execute(dataSource);
            }
        });
    }
}
