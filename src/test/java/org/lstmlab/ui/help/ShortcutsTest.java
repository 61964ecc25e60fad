package org.lstmlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

class ShortcutsTest {
    @Test
    void labelsLoseTheirMnemonics() {
        assertEquals("Step Into", Shortcuts.plain("Step _Into"));
        assertEquals("逐语句", Shortcuts.plain("逐语句(_I)"));
        assertEquals("Open Model", Shortcuts.plain("_Open Model\u2026"));
        assertEquals("跳到时间步", Shortcuts.plain("跳到时间步(_J)…"));
    }

    @Test
    void theSheetListsEveryItemWithAKey() {
        MenuItem quit = new MenuItem("_Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        MenuItem noKey = new MenuItem("_About");
        Menu sub = new Menu("_Language");
        MenuItem step = new MenuItem("Step _Into");
        step.setAccelerator(KeyCombination.keyCombination("F11"));
        sub.getItems().add(step);
        Menu file = new Menu("_File");
        file.getItems().addAll(quit, noKey, sub);
        List<Shortcuts.Row> rows = Shortcuts.rows(List.of(file));
        assertEquals(2, rows.size());
        assertEquals(new Shortcuts.Row("File", "Quit", quit.getAccelerator().getDisplayText()), rows.get(0));
        assertEquals(new Shortcuts.Row("File \u25b8 Language", "Step Into", "F11"), rows.get(1));
    }

    /** Presenter mode's keys that no menu item carries are on the sheet too, in the app's language. */
    @Test
    void theSheetListsPresenterModesClickerKeys() {
        List<Shortcuts.Row> zh = Shortcuts.presenterRows(org.lstmlab.ui.common.I18n.bundle(
                java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals(new Shortcuts.Row("视图 \u25b8 投影模式", "向前 / 向后单步执行一个方程（翻页笔发送的就是这两个键）",
                "Page Down / Page Up, \u2192 / \u2190"), zh.get(0));
        assertEquals("Esc", zh.get(1).keys());
    }

    /** The menu key's picture menu on the diagram and the equations is on the sheet, under the Debugger tab. */
    @Test
    void theSheetListsThePictureMenusKey() {
        Shortcuts.Row en = Shortcuts.pictureMenuRow(org.lstmlab.ui.common.I18n.bundle(java.util.Locale.ENGLISH));
        assertEquals("Debugger", en.menu());
        assertEquals("Menu key", en.keys());
        Shortcuts.Row zh = Shortcuts.pictureMenuRow(org.lstmlab.ui.common.I18n.bundle(
                java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals(new Shortcuts.Row("调试器", "示意图（含并排对比的单元）或方程的图片菜单（先按 Tab 走到那里）",
                "菜单键"), zh);
    }
}
