package org.lstmlab.ui.debugger;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** WatchPanel.fxml: the watch field and list. */
public final class WatchController {
    @FXML private TextField watchField;
    @FXML private Label watchError;
    @FXML private ListView<WatchRow> watchList;

    private DebuggerViewModel vm;

    void attach(DebuggerViewModel model) {
        vm = model;
        DebuggerLists.watches(watchList, vm);
        watchList.setItems(vm.watches());
        watchError.textProperty().bind(vm.watchErrorProperty());
    }

    /** Ctrl+Shift+W: puts the caret in the watch field. */
    void focus() {
        watchField.requestFocus();
    }

    @FXML
    private void onAdd() {
        if (vm.addWatch(watchField.getText()) == null) {
            watchField.clear();
        }
    }

    @FXML
    private void onRemove() {
        vm.removeWatch(watchList.getSelectionModel().getSelectedIndex());
    }
}
