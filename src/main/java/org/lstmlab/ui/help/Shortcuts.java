package org.lstmlab.ui.help;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

/**
 * The keyboard shortcuts, read from the menus themselves so that the sheet can never list a key the app does not
 * have: every menu item with an accelerator, under its menu.
 */
final class Shortcuts {
    private Shortcuts() {
    }

    /** One line of the sheet. */
    record Row(String menu, String action, String keys) {
    }

    static List<Row> rows(List<Menu> menus) {
        List<Row> out = new ArrayList<>();
        for (Menu m : menus) {
            collect(plain(m.getText()), m.getItems(), out);
        }
        return out;
    }

    /**
     * The keys of presenter mode that no menu item carries: a presentation clicker's Page Down and Page Up (or → and
     * ←), and Esc, listed under View ▸ Presenter Mode.
     */
    static List<Row> presenterRows(java.util.ResourceBundle i18n) {
        String where = plain(i18n.getString("menu.view")) + " \u25b8 " + plain(i18n.getString("menu.view.presenter"));
        return List.of(new Row(where, i18n.getString("shortcuts.clicker"), "Page Down / Page Up, \u2192 / \u2190"),
                new Row(where, i18n.getString("shortcuts.leavePresenter"), "Esc"));
    }

    /**
     * The menu key on the Debugger tab's cell diagram or equations, once Tab has reached them: their picture menu
     * (for slides), listed under the tab. Shift+F10, which opens a context menu elsewhere, steps back a timestep here.
     */
    static Row pictureMenuRow(java.util.ResourceBundle i18n) {
        return new Row(plain(i18n.getString("tab.debugger")), i18n.getString("shortcuts.pictureMenu"),
                i18n.getString("shortcuts.menuKey"));
    }

    private static void collect(String menu, List<MenuItem> items, List<Row> out) {
        for (MenuItem item : items) {
            if (item instanceof Menu sub) {
                collect(menu + " \u25b8 " + plain(sub.getText()), sub.getItems(), out);
            } else if (item.getAccelerator() != null && item.getText() != null) {
                out.add(new Row(menu, plain(item.getText()), item.getAccelerator().getDisplayText()));
            }
        }
    }

    /**
     * A label without its mnemonic: "Step _Into" is "Step Into", "逐语句(_I)" is "逐语句", "Open Model…" loses its
     * dots.
     */
    static String plain(String label) {
        return label.replaceAll("\\(_\\w\\)", "").replace("_", "").replace("\u2026", "").replace("...", "").strip();
    }
}
