package org.lstmlab.ui;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Resources;
import org.lstmlab.ui.common.Screenshots;
import org.lstmlab.engine.math.KernelWarmup;

/**
 * The JavaFX application: builds the main window and, when asked with {@code --screenshot=FILE}, saves a picture of
 * it and exits (used for the README and the user guide).
 */
public final class LstmLabApp extends Application {

    /** Starts the desktop app; returns when its last window closes. */
    public static void launchApp(String[] args) {
        Application.launch(LstmLabApp.class, args);
    }

    @Override
    public void start(Stage stage) throws IOException {
        KernelWarmup.start();  // compile the vector kernels on a background thread while the user looks around
        Map<String, String> named = getParameters().getNamed();
        Locale locale = named.containsKey("lang") ? Locale.forLanguageTag(named.get("lang")) : Locale.getDefault();
        MainWindow window = MainWindow.create(I18n.bundle(locale));
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Resources.url("theme.css").toExternalForm());
        stage.setTitle(window.i18n().getString("app.title"));
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> window.shutdown());
        stage.show();
        if (named.containsKey("tab")) {
            window.selectTab(named.get("tab"));
        }
        if (named.containsKey("screenshot")) {
            Screenshots.saveAfterLayout(scene, java.nio.file.Path.of(named.get("screenshot")), () -> {
                window.shutdown();
                stage.close();
            });
        }
    }
}
