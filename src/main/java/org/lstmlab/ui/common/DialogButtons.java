package org.lstmlab.ui.common;

import java.util.ResourceBundle;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** OK and Cancel in the app's language: JavaFX's own follow the system's language, not the one chosen in the app. */
public final class DialogButtons {
    private DialogButtons() {
    }

    public static ButtonType ok(ResourceBundle i18n) {
        return new ButtonType(i18n.getString("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    public static ButtonType cancel(ResourceBundle i18n) {
        return new ButtonType(i18n.getString("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }
}
