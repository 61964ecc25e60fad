package org.lstmlab.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * All the text a user can see in the app's windows, or reach from what is shown without a file chooser: labels,
 * buttons, texts, fields and their prompts, tooltips (also those installed on plain nodes), context menus, the menu
 * bar's menus to their last item, tabs, table column headers, chart axes, the choices of combo and choice boxes
 * (as their converters write them), and window titles. Hidden nodes are skipped, with what they hold. Read on the
 * FX thread.
 */
final class ScreenText {
    /** Where a piece of text was found (a path of node classes and ids) and the text. */
    record Piece(String where, String text) {
        @Override
        public String toString() {
            return where + ": «" + text + "»";
        }
    }

    /** The key under which {@link Tooltip#install} keeps a node's tooltip. */
    private static final String TOOLTIP_KEY = "javafx.scene.control.Tooltip";

    /** The style classes of code: a guide's code blocks and inline code. */
    private static final List<String> CODE = List.of("code-block", "md-code");
    /** The Train tab's Python (its details, in the same style, are looked at). */
    private static final List<String> CODE_AREAS = List.of("kerasArea", "torchArea");

    private final List<Piece> pieces = new ArrayList<>();

    private ScreenText() {
    }

    /** The text of every showing window (FX thread). */
    static List<Piece> ofShowingWindows() {
        ScreenText s = new ScreenText();
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w.isShowing()) {
                s.window(w);
            }
        }
        return s.pieces;
    }

    /** The text of {@code root} and what it reaches (FX thread). */
    static List<Piece> of(Node root) {
        ScreenText s = new ScreenText();
        s.node(root, "");
        return s.pieces;
    }

    private void window(Window w) {
        String where = w.getClass().getSimpleName();
        if (w instanceof Stage st && st.getOwner() != null) {  // the main window's stage is TestFX's
            add(where + ".title", st.getTitle());
        }
        if (w instanceof ContextMenu menu) {
            items(menu.getItems(), where);
        }
        if (w.getScene() != null && w.getScene().getRoot() != null) {
            node(w.getScene().getRoot(), where);
        }
    }

    private void add(String where, String text) {
        if (text != null && !text.isBlank()) {
            pieces.add(new Piece(where, text));
        }
    }

    private static String name(Node n) {
        String id = n.getId();
        String column = n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                ? "[" + c.getTableColumn().getId() + "]" : "";
        return n.getClass().getSimpleName() + (id == null ? "" : "#" + id) + column;
    }

    private void node(Node n, String parent) {
        if (!n.isVisible() || n.getId() != null && CODE_AREAS.contains(n.getId())
                || n.getStyleClass().stream().anyMatch(CODE::contains)) {
            return;  // a program (the Train tab's Keras and PyTorch code, a guide's commands) is the same everywhere
        }
        String where = parent.isEmpty() ? name(n) : parent + " > " + name(n);
        if (n instanceof Labeled l) {
            add(where, l.getText());
        } else if (n instanceof Text t) {
            add(where, t.getText());
        } else if (n instanceof TextInputControl t) {
            add(where, t.getText());
            add(where + ".prompt", t.getPromptText());
        }
        if (n instanceof Control c) {
            tooltip(c.getTooltip(), where);
            if (c.getContextMenu() != null) {
                items(c.getContextMenu().getItems(), where + ".contextMenu");
            }
        }
        if (n.getProperties().get(TOOLTIP_KEY) instanceof Tooltip t) {
            tooltip(t, where);
        }
        if (n instanceof MenuBar bar) {
            for (Menu m : bar.getMenus()) {
                add(where + ".menu", m.getText());
                items(m.getItems(), where + " > " + m.getText());
            }
        }
        if (n instanceof MenuButton b) {
            items(b.getItems(), where);
        }
        if (n instanceof TabPane p) {
            for (Tab tab : p.getTabs()) {
                add(where + ".tab", tab.getText());
                tooltip(tab.getTooltip(), where + ".tab");
                if (tab.getGraphic() != null) {
                    node(tab.getGraphic(), where + ".tab");
                }
            }
        }
        if (n instanceof TableView<?> t) {
            columns(t.getColumns(), where);
        } else if (n instanceof TreeTableView<?> t) {
            columns(t.getColumns(), where);
        }
        if (n instanceof Axis<?> a) {
            add(where + ".label", a.getLabel());
        }
        if (n instanceof ComboBox<?> box) {
            choices(box.getItems(), box.getConverter(), where);
            add(where + ".prompt", box.getPromptText());
        } else if (n instanceof ComboBoxBase<?> box) {
            add(where + ".prompt", box.getPromptText());
        } else if (n instanceof ChoiceBox<?> box) {
            choices(box.getItems(), box.getConverter(), where);
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                node(child, where);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void choices(List<?> items, StringConverter converter, String where) {
        for (Object item : items) {
            add(where + ".choice", converter == null ? String.valueOf(item) : converter.toString(item));
        }
    }

    private void columns(List<? extends TableColumnBase<?, ?>> columns, String where) {
        for (TableColumnBase<?, ?> c : columns) {
            add(where + ".column", c.getText());
            if (c.getGraphic() != null) {
                node(c.getGraphic(), where + ".column");
            }
            columns(c.getColumns(), where);
        }
    }

    private void tooltip(Tooltip t, String where) {
        if (t == null) {
            return;
        }
        add(where + ".tooltip", t.getText());
        if (t.getGraphic() != null) {
            node(t.getGraphic(), where + ".tooltip");
        }
    }

    private void items(List<MenuItem> items, String where) {
        for (MenuItem i : items) {
            if (!i.isVisible()) {
                continue;
            }
            String at = where + " > " + (i.getId() == null ? i.getClass().getSimpleName() : i.getId());
            add(at, i.getText());
            if (i instanceof CustomMenuItem c && c.getContent() != null) {
                node(c.getContent(), at);
            }
            if (i.getGraphic() != null) {
                node(i.getGraphic(), at);
            }
            if (i instanceof Menu m) {
                items(m.getItems(), at);
            }
        }
    }
}
