package org.lstmlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** The layering rules of docs/architecture.md: engine ← cli, engine ← ui, and nothing else. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lstmlab");

    @Test
    void engineImportsNoJavaFxNoUiNoCli() {
        noClasses().that().resideInAPackage("org.lstmlab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..",
                        "org.lstmlab.ui..", "org.lstmlab.cli..", "picocli..")
                .check(MAIN);
    }

    @Test
    void cliDoesNotUseTheUi() {
        noClasses().that().resideInAPackage("org.lstmlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.lstmlab.ui..", "javafx..")
                .check(MAIN);
    }

    @Test
    void uiDoesNotUseTheCli() {
        noClasses().that().resideInAPackage("org.lstmlab.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.lstmlab.cli..")
                .check(MAIN);
    }

    @Test
    void theLearnTabDependsOnNoOtherTab() {
        noClasses().that().resideInAPackage("org.lstmlab.ui.learn..")
                .should().dependOnClassesThat().resideInAnyPackage("org.lstmlab.ui.debugger..",
                        "org.lstmlab.ui.training..", "org.lstmlab.ui.compare..")
                .check(MAIN);
    }

    @Test
    void enginePackagesAreFreeOfCycles() {
        SlicesRuleDefinition.slices().matching("org.lstmlab.engine.(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true).check(MAIN);
    }
}
