package org.lstmlab.ui.help;

import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/** Help ▸ Keyboard Shortcuts: a sheet of every key the menus have, and presenter mode's (see {@link Shortcuts}). */
public final class ShortcutsDialog {
    @FXML private Parent root;
    @FXML private TableView<Shortcuts.Row> table;
    @FXML private TableColumn<Shortcuts.Row, String> menuColumn;
    @FXML private TableColumn<Shortcuts.Row, String> actionColumn;
    @FXML private TableColumn<Shortcuts.Row, String> keysColumn;

    /** Opens the sheet for the menus of {@code menus}. */
    public static Stage show(Node owner, ResourceBundle i18n, MenuBar menus) {
        ShortcutsDialog d = Windows.load("Shortcuts", i18n);
        d.table.getItems().setAll(Shortcuts.rows(menus.getMenus()));
        d.table.getItems().addAll(Shortcuts.presenterRows(i18n));
        d.table.getItems().add(Shortcuts.pictureMenuRow(i18n));
        Stage stage = Windows.stage(d.root, owner, i18n, "shortcuts.title");
        stage.show();
        return stage;
    }

    @FXML
    private void initialize() {
        menuColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().menu()));
        actionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        keysColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keys()));
    }
}
