package org.lstmlab.ui.debugger;

import java.util.function.IntConsumer;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Cells of the breakpoint list (a check box to enable, the hit one highlighted) and the watch list, and their keys
 * (Space ticks a breakpoint, Delete removes the selected line).
 */
final class DebuggerLists {
    private DebuggerLists() {
    }

    static void breakpoints(ListView<Breakpoint> list, Stepper stepper) {
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Breakpoint bp, boolean empty) {
                super.updateItem(bp, empty);
                getStyleClass().remove("breakpoint-hit");
                if (empty || bp == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                int index = getIndex();
                CheckBox on = new CheckBox((index + 1) + ":  " + bp.text());
                on.setFocusTraversable(false);  // the list is one stop for Tab; Space ticks the selected line
                on.setSelected(bp.enabled());
                on.setOnAction(e -> stepper.setBreakpointEnabled(index, on.isSelected()));
                setGraphic(on);
                setText(null);
                if (stepper.hitBreakpointProperty().get() == index) {
                    getStyleClass().add("breakpoint-hit");
                }
            }
        });
        stepper.hitBreakpointProperty().addListener((o, a, b) -> list.refresh());
        keys(list, index -> stepper.setBreakpointEnabled(index, !stepper.breakpoints().get(index).enabled()),
                stepper::removeBreakpoint);
    }

    /**
     * The lists from the keyboard: Space runs {@code toggle} on the selected line (null: none), Delete runs
     * {@code remove}. Tab passes over the list as one stop, to its Remove button and on.
     */
    private static void keys(ListView<?> list, IntConsumer toggle, IntConsumer remove) {
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int index = list.getSelectionModel().getSelectedIndex();
            boolean plain = !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown();
            if (index < 0 || !plain) {
                return;
            }
            if (e.getCode() == KeyCode.SPACE && toggle != null) {
                toggle.accept(index);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                remove.accept(index);
                e.consume();
            }
        });
    }

    static void watches(ListView<WatchRow> list, DebuggerViewModel vm) {
        keys(list, null, vm::removeWatch);
        list.setCellFactory(v -> new ListCell<>() {
            private final Label name = new Label();
            private final Label value = new Label();
            private final Sparkline spark = new Sparkline();
            private final Tooltip tip = new Tooltip();
            private final VBox box = new VBox(1, name, value, spark);

            {
                // the value wraps within the list's width instead of being cut short
                value.getStyleClass().add("watch-value");
                value.setWrapText(true);
                value.setMinHeight(Region.USE_PREF_SIZE);
                value.maxWidthProperty().bind(list.widthProperty().subtract(36));
                name.getStyleClass().add("watch-name");
                value.setTooltip(tip);
            }

            @Override
            protected void updateItem(WatchRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                name.setText(row.watch().text());
                value.setText(row.value());
                tip.setText(row.watch().text() + " = " + row.value());
                value.getStyleClass().remove("watch-pending");
                if (row.pending()) {
                    value.getStyleClass().add("watch-pending");
                }
                Cursor c = vm.cursor();
                spark.draw(row.series(), row.from(), row.to(), c == null ? 0 : c.t());
                setGraphic(box);
            }
        });
    }
}
