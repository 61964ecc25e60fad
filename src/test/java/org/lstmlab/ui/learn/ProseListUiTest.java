package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.Fonts;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A numbered list's items keep as much room between the number and the text after it in Chinese as in English, at
 * least 0.45 of the letters' size: in the Chinese face the space after "1." was so narrow that seed-keras-model's
 * "1. `nn.LSTM(input_size, hidden_size)`" read "1.nn.LSTM".
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ProseListUiTest {
    @Start
    void start(Stage stage) {
        // the test lays out text nodes on the FX thread
    }

    /** The room, in letter sizes, between the ink of the first item's "1." and what follows it. */
    private static double gap(String prose, boolean chinese) throws Exception {
        return UiWait.onFx(() -> {
            TextFlow flow = ProseView.render(prose, chinese);
            VBox root = new VBox(flow);
            Scene scene = new Scene(root, 600, 400);
            scene.getStylesheets().add(ProseView.class.getResource("/org/lstmlab/ui/learn/learn.css")
                    .toExternalForm());
            Fonts.apply(root, chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
            root.applyCss();
            root.layout();
            List<Node> nodes = flow.getChildren();
            int k = 0;
            while (!(nodes.get(k) instanceof Text t && t.getText().startsWith("1."))) {
                k++;
            }
            Text number = (Text) nodes.get(k);
            Text ink = new Text("1.");
            ink.setFont(number.getFont());
            ink.setBoundsType(javafx.scene.text.TextBoundsType.VISUAL);  // where the full stop's ink ends
            double end = number.getBoundsInParent().getMinX() + ink.getBoundsInLocal().getMaxX();
            Node next = nodes.get(k + 1);
            while (next instanceof Text blank && blank.getText().isBlank()) {
                next = nodes.get(nodes.indexOf(next) + 1);
            }
            return (next.getBoundsInParent().getMinX() - end) / number.getFont().getSize();
        });
    }

    @Test
    void theNumberAndTheTextAfterItAreAsFarApartInChineseAsInEnglish() throws Exception {
        for (String item : List.of("1. `nn.LSTM(input_size, hidden_size)` reads", "1. 配套的文字说")) {
            String prose = "Three places:\n\n" + item + "\n2. second";
            double en = gap(prose, false);
            double zh = gap(prose, true);
            assertTrue(en >= 0.45 && zh >= 0.45, item + ": " + en + " em in English, " + zh + " em in Chinese");
            assertTrue(Math.abs(en - zh) <= 0.1, item + ": " + en + " em in English, " + zh + " em in Chinese");
        }
    }
}
