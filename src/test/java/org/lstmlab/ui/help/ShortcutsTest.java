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
}
