package org.lstmlab.ui;

import java.util.Locale;

import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main window as UI tests show it: English labels, the app's theme, 1280 × 800. */
public final class TestWindows {
    private TestWindows() {
    }

    /** Creates the main window on {@code stage} and shows it; call from a TestFX {@code @Start} method. */
    public static MainWindow show(Stage stage) {
        MainWindow window = MainWindow.create(I18n.bundle(Locale.ENGLISH));
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Resources.url("theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return window;
    }
}
