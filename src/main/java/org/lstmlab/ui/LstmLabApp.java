package org.lstmlab.ui;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.lstmlab.ui.common.Repaint;
import org.lstmlab.ui.common.Screenshots;
import org.lstmlab.engine.math.KernelWarmup;
import org.lstmlab.ui.common.Settings;

/**
 * The JavaFX application: builds the main window in the language chosen last time ({@code --lang=zh-CN} or
 * {@code --lang=en} overrides it; the first start follows the system), and, when asked with
 * {@code --screenshot=FILE}, saves a picture of it and exits (used for the README and the user guides).
 * {@code --size=WIDTHxHEIGHT} sets the window's size, {@code --zoom=PERCENT} the zoom. The welcome shows at the first
 * start and while its "Show at start" box is ticked, never in a screenshot unless {@code --welcome} asks for it.
 */
public final class LstmLabApp extends Application {
    /** The sizes the icon is drawn at ({@code icons/lstm-lab-SIZE.png}; the Linux package installs each one). */
    static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};

    /** Starts the desktop app; returns when its last window closes. */
    public static void launchApp(String[] args) {
        Repaint.beforeToolkit();
        Application.launch(LstmLabApp.class, args);
    }

    /** For launchers that start this class itself ({@code mvn javafx:run}): the same as {@link #launchApp}. */
    public static void main(String[] args) {
        launchApp(args);
    }

    @Override
    public void start(Stage stage) {
        KernelWarmup.start();  // compile the vector kernels on a background thread while the user looks around
        org.lstmlab.ui.help.GuideWindow.useBrowser(org.lstmlab.ui.help.Browser.of(getHostServices()));
        Map<String, String> named = getParameters().getNamed();
        boolean scripted = named.containsKey("screenshot");
        Settings settings = scripted ? Settings.inMemory() : Settings.user();
        Locale language = settings.startLanguage(named.get("lang"), Locale.getDefault());
        MainWindow window = MainWindow.create(language, settings);
        int[] size = size(named.getOrDefault("size", "1280x800"));
        Scene scene = new Scene(window.root(), size[0], size[1]);
        stage.titleProperty().bind(window.titleProperty());
        stage.setScene(scene);
        stage.getIcons().setAll(icons());
        stage.setOnCloseRequest(e -> {
            if (!window.quit()) {
                e.consume();
            }
        });
        stage.show();
        if (named.containsKey("tab")) {
            window.selectTab(named.get("tab"));
        }
        if (named.containsKey("zoom")) {
            window.setZoom(org.lstmlab.ui.common.Zoom.parse(named.get("zoom")));
        }
        if (getParameters().getUnnamed().contains("--welcome")) {
            window.showWelcome();
        } else if (!scripted) {
            window.welcomeAtStart();
        }
        if (scripted) {
            Screenshots.saveAfterLayout(scene, Path.of(named.get("screenshot")), () -> {
                window.shutdown();
                stage.close();
            });
        }
    }

    /** The app's icon at each size, for the title bar, the task switcher and the dock (docs/scripts/app_icon.py). */
    static List<Image> icons() {
        List<Image> icons = new ArrayList<>();
        for (int size : ICON_SIZES) {
            URL url = LstmLabApp.class.getResource("icons/lstm-lab-" + size + ".png");
            if (url != null) {
                icons.add(new Image(url.toExternalForm()));
            }
        }
        return icons;
    }

    /** "1024x768" as {1024, 768}; the default size for anything else. */
    static int[] size(String text) {
        String[] p = text.toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                return new int[] {Math.max(640, Integer.parseInt(p[0].strip())),
                    Math.max(480, Integer.parseInt(p[1].strip()))};
            }
        } catch (NumberFormatException e) {
            // the default below
        }
        return new int[] {1280, 800};
    }
}
