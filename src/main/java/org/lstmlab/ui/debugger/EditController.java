package org.lstmlab.ui.debugger;

import java.util.ResourceBundle;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;

/** EditPanel.fxml: the weight editor (bound to the view model's {@link WeightEditor}) and the input table. */
public final class EditController {
    @FXML private ResourceBundle resources;
    @FXML private TitledPane root;
    @FXML private TextField weightName;
    @FXML private TextField weightLayer;
    @FXML private TextField weightRow;
    @FXML private TextField weightCol;
    @FXML private TextField weightValue;
    @FXML private Label weightError;
    @FXML private TableView<Integer> inputTable;
    @FXML private Label inputError;

    private DebuggerViewModel vm;

    void attach(DebuggerViewModel model) {
        vm = model;
        WeightEditor w = vm.weightEditor();
        weightName.textProperty().bindBidirectional(w.nameProperty());
        weightLayer.textProperty().bindBidirectional(w.layerProperty());
        weightRow.textProperty().bindBidirectional(w.rowProperty());
        weightCol.textProperty().bindBidirectional(w.colProperty());
        weightValue.textProperty().bindBidirectional(w.valueProperty());
        weightError.textProperty().bind(w.errorProperty());
        inputError.textProperty().bind(vm.inputErrorProperty());
        w.picksProperty().addListener((o, a, b) -> {
            root.setAnimated(false);  // open at once, so that the side panel can scroll to the field now
            root.setExpanded(true);
            root.setAnimated(true);
            weightValue.requestFocus();
            weightValue.selectAll();
        });
        vm.resultProperty().addListener((o, a, r) -> {
            if (r != null) {
                InputTable.fill(inputTable, vm, resources);
            }
        });
    }

    @FXML
    private void onApplyWeight() {
        vm.weightEditor().apply();
    }
}
