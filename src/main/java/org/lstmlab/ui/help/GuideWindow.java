package org.lstmlab.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.lstmlab.ui.common.I18n;

/**
 * Help ▸ User Guide: the guides of {@code docs/} (in Chinese from {@code docs/zh/}) inside the app, one window
 * with the list of guides on the left.
 */
public final class GuideWindow {
    /** The guides, by file name without {@code .md}. */
    static final List<String> GUIDES = List.of("debugger", "training", "lessons", "interop", "equations", "glossary");
    private static GuideWindow open;
    /** Where the guides' web links open: nowhere until the app gives the system's browser ({@link #useBrowser}). */
    private static Browser browser = address -> { };

    @FXML private Parent root;
    @FXML private ListView<String> guideList;
    @FXML private ScrollPane page;
    @FXML private ResourceBundle resources;
    private Locale language;
    private Stage stage;

    /** Shows the guide {@code name} (one of {@link #GUIDES}), reusing the window when it is open. */
    public static void show(Node owner, ResourceBundle i18n, Locale language, String name) {
        if (open == null || !open.stage.isShowing() || !open.language.equals(language)) {
            if (open != null) {
                open.stage.close();
            }
            open = Windows.load("Guide", i18n);
            open.language = language;
            open.stage = Windows.stage(open.root, owner, i18n, "guide.title");
        }
        open.guideList.getSelectionModel().select(name);
        open.stage.show();
        open.stage.toFront();
    }

    /** The browser the guides' web links open in: the app gives the system's at its start; tests their own. */
    public static void useBrowser(Browser system) {
        browser = system;
    }

    @FXML
    private void initialize() {
        guideList.getItems().setAll(GUIDES);
        guideList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : resources.getString("guide." + item));
            }
        });
        guideList.getSelectionModel().selectedItemProperty().addListener((o, a, name) -> {
            if (name != null) {
                showPage(name);
            }
        });
    }

    private void showPage(String name) {
        boolean chinese = language.getLanguage().equals("zh");
        String folder = chinese ? "/org/lstmlab/docs/zh/" : "/org/lstmlab/docs/";
        String text = read(folder + name + ".md");
        if (text == null && chinese) {
            folder = "/org/lstmlab/docs/";
            text = read(folder + name + ".md");
        }
        if (text == null) {
            text = I18n.format(resources, "guide.missing", name + ".md");
        }
        page.setContent(new MarkdownView(text, folder, GuideWindow::opens, this::follow, web()));
        page.setVvalue(0);
    }

    /** Whether a link to the page at this class-path path opens something: a guide, or a page the app holds. */
    static boolean opens(String path) {
        return GUIDES.contains(name(path)) || GuideWindow.class.getResource(path) != null;
    }

    /**
     * Follows a link: a guide is selected in the list (and shown in the window's language); another page the app
     * holds (formats.md, notation.md, in English) is shown with no guide selected. A link with {@code #heading}
     * then scrolls that page to the heading.
     */
    private void follow(String link) {
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        if (GUIDES.contains(name(path))) {
            guideList.getSelectionModel().select(name(path));
        } else {
            String text = read(path);
            if (text == null) {
                return;
            }
            guideList.getSelectionModel().clearSelection();
            page.setContent(new MarkdownView(text, path.substring(0, path.lastIndexOf('/') + 1), GuideWindow::opens,
                    this::follow, web()));
            page.setVvalue(0);
        }
        if (hash >= 0 && page.getContent() instanceof MarkdownView view) {
            page.applyCss();
            page.layout();  // the new page's headings get their places, so that it can scroll to one
            view.jump(link.substring(hash + 1));
        }
    }

    private MarkdownView.Web web() {
        return new MarkdownView.Web(address -> browser.open(address), resources);
    }

    private static String name(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
    }

    /** The guide's text from the class path, or null when this build has none. */
    static String read(String path) {
        try (InputStream in = GuideWindow.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** The page on show (tests). */
    Node page() {
        return page.getContent();
    }
}
