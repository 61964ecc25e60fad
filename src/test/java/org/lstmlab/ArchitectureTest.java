package org.lstmlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of docs/architecture.md: engine ← cli, engine ← ui, and nothing else; inside the UI the tabs
 * depend on {@code ui.common} and never on each other or on the main window.
 */
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

    /** The tabs, each a package under {@code org.lstmlab.ui}; {@code learn} is the lessons' tab to come. */
    private static final List<String> TABS = List.of("debugger", "training", "compare", "learn");

    @Test
    void tabsDoNotDependOnEachOther() {
        for (String tab : TABS) {
            String[] others = TABS.stream().filter(t -> !t.equals(tab)).map(t -> "org.lstmlab.ui." + t + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("org.lstmlab.ui." + tab + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true).check(MAIN);
        }
    }

    @Test
    void tabsAndCommonDoNotDependOnTheMainWindow() {
        noClasses().that().resideInAnyPackage("org.lstmlab.ui.common..", "org.lstmlab.ui.help..",
                        "org.lstmlab.ui.debugger..",
                        "org.lstmlab.ui.training..", "org.lstmlab.ui.compare..", "org.lstmlab.ui.learn..")
                .should().dependOnClassesThat().resideInAPackage("org.lstmlab.ui")
                .check(MAIN);
    }

    @Test
    void commonAndHelpDependOnNoTab() {
        noClasses().that().resideInAnyPackage("org.lstmlab.ui.common..", "org.lstmlab.ui.help..")
                .should().dependOnClassesThat().resideInAnyPackage(TABS.stream()
                        .map(t -> "org.lstmlab.ui." + t + "..").toArray(String[]::new))
                .check(MAIN);
    }

    @Test
    void uiPackagesAreFreeOfCycles() {
        SlicesRuleDefinition.slices().matching("org.lstmlab.ui.(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true).check(MAIN);
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
