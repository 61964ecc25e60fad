package org.lstmlab.ui;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.training.TrainingViewModel;

/**
 * The run whose checkup {@link ScreenshotTour}'s {@code checkup} mode shows: a simple RNN on adding problems of 100
 * steps for 2 epochs, or what {@code -Dtour.checkup.task}, {@code .cell}, {@code .steps}, {@code .epochs},
 * {@code .layers}, {@code .units}, {@code .lr} and {@code .clip} (typed into the clip field by {@link TourTraining})
 * say; with {@code -Dtour.checkup.data=FILE} (and {@code -Dtour.checkup.target=COLUMN}) a CSV file of the user's,
 * read first by {@link TourTraining}, with its window in {@code .steps}.
 */
final class TourCheckup {
    private TourCheckup() {
    }

    /** Sets the Train tab's form (on the FX thread). */
    static void setUp(TrainingViewModel train) {
        if (System.getProperty("tour.checkup.data") == null) {
            train.chooseTask(Tasks.byName(System.getProperty("tour.checkup.task", "adding")));
        } else if (Integer.getInteger("tour.checkup.steps") != null) {
            train.form().stepsProperty().set(Integer.getInteger("tour.checkup.steps"));
        }
        train.form().cellProperty().set(CellType.parse(System.getProperty("tour.checkup.cell", "rnn")));
        if (train.form().taskProperty().get().name().equals("adding")) {
            train.form().stepsProperty().set(Integer.getInteger("tour.checkup.steps", 100));
        }
        train.form().epochsProperty().set(Integer.getInteger("tour.checkup.epochs", 2));
        train.form().layersProperty().set(Integer.getInteger("tour.checkup.layers", 1));
        train.form().unitsProperty().set(Integer.getInteger("tour.checkup.units", train.form().unitsProperty().get()));
        train.form().learningRateProperty().set(System.getProperty("tour.checkup.lr",
                train.form().learningRateProperty().get()));
    }
}
