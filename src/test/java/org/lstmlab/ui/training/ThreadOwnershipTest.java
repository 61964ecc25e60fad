package org.lstmlab.ui.training;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.concurrent.Executors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.common.TrainingThreads;

/** In the Train and Compare tabs one class makes threads: TrainingThreads (docs/architecture.md, point 5). */
class ThreadOwnershipTest {
    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lstmlab.ui.training", "org.lstmlab.ui.compare");

    @Test
    void onlyTrainingThreadsCreatesThreads() {
        noClasses().that().doNotHaveSimpleName("TrainingThreads")
                .should().callConstructorWhere(DescribedPredicate.describe("a Thread constructor",
                        c -> c.getTarget().getOwner().isAssignableTo(Thread.class)))
                .orShould().callMethod(Executors.class, "newFixedThreadPool", int.class)
                .orShould().callMethod(Executors.class, "newSingleThreadExecutor")
                .orShould().callMethod(Executors.class, "newCachedThreadPool")
                .check(UI);
    }
}
