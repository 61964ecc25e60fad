package org.lstmlab.ui.debugger;

import java.util.ResourceBundle;
import java.util.stream.IntStream;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;

/**
 * The input sequence as an editable table: one row per timestep (shown from 1), one column per feature. A bad
 * value is refused (the view model says why under the table) and the cell keeps its number.
 */
final class InputTable {
    /** Wider inputs show their first features only; the rest are edited through breakpoint-free means (none). */
    static final int MAX_COLUMNS = 40;

    private InputTable() {
    }

    static void fill(TableView<Integer> table, DebuggerViewModel vm, ResourceBundle i18n) {
        Workspace w = vm.workspace();
        table.getColumns().clear();
        TableColumn<Integer, String> t = new TableColumn<>(i18n.getString("debugger.edit.t"));
        t.setCellValueFactory(c -> new ReadOnlyStringWrapper(Integer.toString(c.getValue() + 1)));
        t.setEditable(false);
        t.setSortable(false);
        table.getColumns().add(t);
        if (!w.vocabulary().isEmpty()) {
            TableColumn<Integer, String> symbol = new TableColumn<>(i18n.getString("debugger.edit.token"));
            symbol.setCellValueFactory(c -> {
                java.util.List<String> s = vm.inputSymbols();
                int row = c.getValue();
                return new ReadOnlyStringWrapper(row < s.size() && s.get(row) != null ? s.get(row) : "");
            });
            symbol.setEditable(false);
            symbol.setSortable(false);
            table.getColumns().add(symbol);
        }
        for (int d = 0; d < Math.min(w.inputSize(), MAX_COLUMNS); d++) {
            int feature = d;
            TableColumn<Integer, String> col = new TableColumn<>(w.features().get(d));
            col.setSortable(false);
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(Numbers.format(vm.workspace().input(c.getValue(),
                    feature))));
            col.setCellFactory(TextFieldTableCell.forTableColumn());
            col.setOnEditCommit(e -> {
                vm.editInput(e.getRowValue(), feature, e.getNewValue());
                table.refresh();
            });
            table.getColumns().add(col);
        }
        table.getItems().setAll(IntStream.range(0, w.steps()).boxed().toList());
    }
}
