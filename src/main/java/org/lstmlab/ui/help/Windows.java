package org.lstmlab.ui.help;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;

import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.lstmlab.ui.common.Resources;
import org.lstmlab.ui.common.WindowZoom;
import org.lstmlab.ui.common.ZoomPane;

/** Loads a help window's FXML and shows it as a window of its own, owned by the main window. */
final class Windows {
    private Windows() {
    }

    /** The controller of {@code help/NAME.fxml}, loaded with the labels of {@code i18n}. */
    static <C> C load(String name, ResourceBundle i18n) {
        FXMLLoader loader = new FXMLLoader(Resources.url("help/" + name + ".fxml"), i18n);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loader.getController();
    }

    /**
     * A themed window titled {@code titleKey} showing {@code root}, owned by {@code owner}'s window; Esc closes it,
     * except in a text field with text in it (the glossary's search), which Esc empties first, as a search box does.
     */
    static Stage stage(Parent root, Node owner, ResourceBundle i18n, String titleKey) {
        Stage stage = new Stage();
        stage.setTitle(i18n.getString(titleKey));
        // at the main window's zoom (a window of its own, which the zoom does not reach), no larger than the screen
        ZoomPane zoomed = WindowZoom.pane(root, WindowZoom.of(owner));
        stage.setScene(Resources.themed(new Scene(zoomed), i18n));
        WindowZoom.fitScreen(zoomed, owner.getScene() == null ? null : owner.getScene().getWindow());
        if (owner.getScene() != null) {
            stage.initOwner(owner.getScene().getWindow());
        }
        // Esc closes it, as it closes a dialog: a filter, for the lists and tables that take Esc and drop it
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                if (e.getTarget() instanceof TextField f && f.isEditable() && !f.getText().isEmpty()) {
                    f.clear();
                } else {
                    stage.hide();
                }
            }
        });
        return stage;
    }
}
