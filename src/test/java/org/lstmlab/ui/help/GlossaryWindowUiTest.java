package org.lstmlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.Glossary;
import org.lstmlab.ui.common.I18n;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Help ▸ Glossary as a first-time reader meets it: the search box, which has the focus when the window opens, still
 * says what it searches (the theme hid a focused field's prompt: an empty box); the other Chinese terms of a term
 * are named as such, not in brackets around terms with brackets of their own ("(递归神经网络（旧译，…）)").
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GlossaryWindowUiTest {
    private final ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
    private Label owner;

    @Start
    void start(Stage stage) {
        owner = new Label("LSTM Lab");
        stage.setScene(new Scene(owner, 400, 300));
        stage.show();
    }

    @Test
    void theFocusedSearchBoxShowsItsPrompt(FxRobot robot) {
        Window w = UiWait.onFx(() -> GlossaryWindow.show(owner, zh));
        TextField search = robot.lookup("#glossarySearch").queryAs(TextField.class);
        UiWait.until("the glossary shown, its search box focused", () -> w.isShowing() && search.isFocused());
        Color fill = UiWait.onFx(() -> {
            for (Node n : search.lookupAll(".text")) {
                if (n instanceof Text t && zh.getString("glossary.search").equals(t.getText()) && t.isVisible()) {
                    return (Color) t.getFill();
                }
            }
            return Color.TRANSPARENT;
        });
        assertTrue(fill.getOpacity() > 0.5 && fill.getBrightness() < 0.8, "the prompt is drawn, in grey: " + fill);
        UiWait.onFx(() -> {
            ((Stage) w).close();
            return null;
        });
    }

    @Test
    void otherChineseTermsAreNamedAsSuch() {
        Glossary.Term rnn = Glossary.terms().get(0);
        assertEquals("循环神经网络\n其他译法：递归神经网络（旧译，易与 recursive network 混淆）",
                GlossaryWindow.chineseCell(zh, rnn));
        assertEquals("循环神经网络\nalso: 递归神经网络（旧译，易与 recursive network 混淆）",
                GlossaryWindow.chineseCell(I18n.bundle(Locale.ENGLISH), rnn));
        Glossary.Term gate = Glossary.terms().stream().filter(t -> t.english().equals("input gate")).findFirst()
                .orElseThrow();
        assertEquals("输入门", GlossaryWindow.chineseCell(zh, gate), "no other terms: the term alone");
    }
}
