package org.lstmlab.ui.common;

import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.ComboBox;

/**
 * Connects a combo box to a view model that may refuse or correct a choice. The user's choice goes to the view
 * model as a command; the box then shows what the model holds, which may differ (a refused choice returns to the old
 * value). A bidirectional binding cannot do this: it ignores changes made to the model while it is copying the
 * box's value into it, so the box would name one thing while the model computes another.
 */
public final class ChoiceBinding {
    private ChoiceBinding() {
    }

    /**
     * @param box    the combo box
     * @param shown  what the view model holds (the box always ends up showing it)
     * @param choose the command for a choice made in the box
     */
    public static <T> void bind(ComboBox<T> box, ObservableValue<T> shown, Consumer<T> choose) {
        boolean[] syncing = {false};
        Runnable sync = () -> {
            if (!Objects.equals(box.getValue(), shown.getValue())) {
                syncing[0] = true;
                try {
                    box.setValue(shown.getValue());
                } finally {
                    syncing[0] = false;
                }
            }
        };
        sync.run();
        shown.addListener((o, a, b) -> sync.run());
        box.valueProperty().addListener((o, a, chosen) -> {
            if (syncing[0] || chosen == null || Objects.equals(chosen, shown.getValue())) {
                return;
            }
            choose.accept(chosen);
            sync.run();
        });
    }
}
