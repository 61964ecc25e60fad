package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.MainWindowUiBase;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.I18n;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The notes shown after opening a model file that leaves choices unsaid, fitted to a 1024 × 768 screen at 150 %
 * and 200 %, in English and in Chinese: the dialog stays on the screen (its buttons too) and its notes show at least
 * five lines before they scroll. Before, at 200 % they showed about two.
 */
class ImportNotesAtZoomUiTest extends MainWindowUiBase {
    /** A PyTorch nn.RNN state_dict: it does not say its nonlinearity, its head's activation or the steps predicted. */
    private static final Path SAYS_LITTLE = Path.of("src/test/resources/interop/rnn_relu_fc_f16.safetensors");
    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1024, 768);
    private static final int LINES = 5;

    /** The notes' lines in sight: the height of the text area's viewport over the height of a line of its text. */
    private static double linesInSight(TextArea notes) {
        ScrollPane scroll = (ScrollPane) notes.lookup(".scroll-pane");
        Text line = new Text("国Ag");
        line.setFont(notes.getFont());
        Node content = notes.lookup(".content");
        Insets padding = content instanceof javafx.scene.layout.Region r ? r.getPadding() : Insets.EMPTY;
        return (scroll.getViewportBounds().getHeight() - padding.getTop() - padding.getBottom())
                / line.getLayoutBounds().getHeight();
    }

    @Test
    void theNotesShowFiveLinesAndTheDialogFitsTheScreen(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            for (int zoom : new int[] {100, 150, 200}) {
                WaitForAsyncUtils.asyncFx(() -> {
                    window.setLanguage(language);
                    window.setZoom(zoom);
                    window.selectTab("debugger");
                    window.debugger().viewModel().setupCommands().openModelFile(SAYS_LITTLE,
                            WeightPreset.RANDOM_TORCH);
                }).get();
                // the app's own dialog, on this machine's screen: closed, then the same fitted to 1024 × 768
                UiWait.until("the model file's notes", () -> robot.lookup("#importNotes").tryQuery().isPresent());
                robot.interact(() -> {  // "Keep the assumptions"
                    javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane)
                            robot.lookup("#importNotes").query().getScene().getRoot();
                    ButtonType keep = pane.getButtonTypes().stream().filter(t -> t.getButtonData()
                            == javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE).findFirst().orElseThrow();
                    ((javafx.scene.control.Button) pane.lookupButton(keep)).fire();
                });
                UiWait.until("the notes closed", () -> robot.lookup("#importNotes").tryQuery().isEmpty());
                String where = language + " " + zoom + " %: ";
                Dialog<ButtonType> dialog = UiWait.onFx(() -> {
                    Node from = window.root().lookup("#diagramScroll");
                    Dialog<ButtonType> d = ImportNotesDialog.dialog(I18n.bundle(language),
                            window.debugger().viewModel().setupCommands().importChoices(), from);
                    ImportNotesDialog.fit(d, SCREEN, zoom);
                    d.show();
                    return d;
                });
                UiWait.until(where + "the notes laid out", () -> UiWait.onFx(() -> {
                    TextArea notes = (TextArea) dialog.getDialogPane().lookup(".text-area");
                    return notes != null && notes.lookup(".scroll-pane") != null && notes.getHeight() > 0;
                }));
                WaitForAsyncUtils.waitForFxEvents();
                problems.addAll(UiWait.onFx(() -> {
                    List<String> p = new ArrayList<>();
                    TextArea notes = (TextArea) dialog.getDialogPane().lookup(".text-area");
                    double lines = linesInSight(notes);
                    double height = dialog.getDialogPane().getHeight();
                    double width = dialog.getDialogPane().getWidth();
                    System.out.printf(Locale.ROOT, "%s the notes show %.1f lines; the dialog is %.0f × %.0f px%n",
                            where, lines, width, height);
                    if (lines < LINES) {
                        p.add(where + "the notes show " + lines + " lines");
                    }
                    if (height > SCREEN.getHeight() - 40 || width > SCREEN.getWidth()) {
                        p.add(where + "the dialog is " + width + " × " + height + " px on a screen of 1024 × 768");
                    }
                    dialog.close();
                    return p;
                }));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
