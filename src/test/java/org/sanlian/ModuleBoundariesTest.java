package org.sanlian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Every top-level package under org.sanlian is a module: it reaches other modules only through their API
 * packages and named interfaces, and no two modules depend on each other in a cycle (docs/architecture.md).
 */
class ModuleBoundariesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(SanlianApplication.class);
    static final Path DOCS = Path.of("docs/modules");

    @Test
    @DisplayName("Modules reach each other only through their APIs and named interfaces, without cycles")
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * Spring Modulith writes a diagram's lines in an order that changes from run to run, so the documentation is
     * written to target/ and a file in docs/modules/ is replaced only when its lines differ, not just their order:
     * running the tests leaves the tree clean unless the modules changed, and then the test says which files to commit.
     */
    @Test
    @DisplayName("The module documentation in docs/modules/ is the code's (written anew, and failing, when a module changed)")
    void moduleDocumentationIsTheCodes() throws IOException {
        Path written = Path.of("target/modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(written.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        List<String> changed = new ArrayList<>();
        try (Stream<Path> files = Files.list(written)) {
            for (Path file : files.sorted().toList()) {
                Path committed = DOCS.resolve(file.getFileName());
                if (!Files.exists(committed) || !sameLines(file, committed)) {
                    Files.createDirectories(DOCS);
                    Files.copy(file, committed, StandardCopyOption.REPLACE_EXISTING);
                    changed.add(committed.toString());
                }
            }
        }
        assertThat(changed).as("written anew from the code; commit them").isEmpty();
    }

    private static boolean sameLines(Path a, Path b) throws IOException {
        return Files.readAllLines(a).stream().sorted().toList().equals(Files.readAllLines(b).stream().sorted().toList());
    }
}
