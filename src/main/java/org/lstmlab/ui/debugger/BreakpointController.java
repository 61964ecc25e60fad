package org.lstmlab.ui.debugger;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** BreakpointPanel.fxml: the breakpoint field and list. */
public final class BreakpointController {
    @FXML private TextField breakpointField;
    @FXML private Label breakpointError;
    @FXML private ListView<Breakpoint> breakpointList;

    private DebuggerViewModel vm;

    void attach(DebuggerViewModel model) {
        vm = model;
        DebuggerLists.breakpoints(breakpointList, vm.stepper());
        breakpointList.setItems(vm.stepper().breakpoints());
        breakpointError.textProperty().bind(vm.stepper().breakpointErrorProperty());
    }

    /** Ctrl+Shift+B: puts the caret in the breakpoint field. */
    void focus() {
        breakpointField.requestFocus();
    }

    @FXML
    private void onAdd() {
        if (vm.moves().addBreakpoint(breakpointField.getText()) == null) {
            breakpointField.clear();
        }
    }

    @FXML
    private void onRemove() {
        vm.stepper().removeBreakpoint(breakpointList.getSelectionModel().getSelectedIndex());
    }
}
