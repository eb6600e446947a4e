package org.sanlian;

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

    @Test
    @DisplayName("Modules reach each other only through their APIs and named interfaces, without cycles")
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    @DisplayName("The module documentation in docs/modules/ is written from the code")
    void writesModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
