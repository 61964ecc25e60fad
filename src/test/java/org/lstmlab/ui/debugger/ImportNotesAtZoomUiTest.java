package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.shape.MoveTo;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.MainWindowUiBase;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.I18n;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The notes shown after opening a model file that leaves choices unsaid, fitted to a 1024 × 768 screen at 150 %
 * and 200 %, in English and in Chinese: the dialog stays on the screen (its buttons too), its notes show at least
 * five lines before they scroll, and a note's wrapped lines start under its first word, not under its bullet (a
 * hanging indent). Before, at 200 % they showed about two lines, and a wrapped line started at the left edge.
 */
class ImportNotesAtZoomUiTest extends MainWindowUiBase {
    /** A PyTorch nn.RNN state_dict: it does not say its nonlinearity, its head's activation or the steps predicted. */
    private static final Path SAYS_LITTLE = Path.of("src/test/resources/interop/rnn_relu_fc_f16.safetensors");
    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1024, 768);
    private static final int LINES = 5;

    /** The notes' lines in sight: the height of their scroll pane's viewport over the height of a line of a note. */
    private static double linesInSight(ScrollPane notes) {
        Text line = new Text("国Ag");
        line.setFont(((Label) notes.lookup(".import-note")).getFont());
        return notes.getViewportBounds().getHeight() / line.getLayoutBounds().getHeight();
    }

    /** Where the caret before character {@code i} of {@code text} stands, in the scene (its top). */
    private static Point2D caret(Text text, int i) {
        MoveTo top = (MoveTo) text.caretShape(i, true)[0];
        return text.localToScene(top.getX(), top.getY());
    }

    /**
     * What is wrong with the notes' hanging indents: a note that starts over its bullet, or a line of a note, wrapped,
     * that starts left of the note's first word. {@code wrapped} counts the wrapped lines seen.
     */
    private static List<String> indents(Node dialog, String where, int[] wrapped) {
        List<String> p = new ArrayList<>();
        for (Node n : dialog.lookupAll(".import-note")) {
            Label note = (Label) n;
            Text text = (Text) note.lookup(".text");
            Node bullet = ((HBox) note.getParent()).getChildren().get(0);
            Point2D first = caret(text, 0);
            double bulletEnd = bullet.localToScene(bullet.getLayoutBounds()).getMaxX();
            if (first.getX() < bulletEnd) {
                p.add(where + "the note starts at x = " + first.getX() + ", over its bullet (to " + bulletEnd + ")");
            }
            double y = first.getY();
            for (int i = 1; i < text.getText().length(); i++) {
                Point2D at = caret(text, i);
                if (at.getY() > y + 1) {  // the first character of a wrapped line
                    wrapped[0]++;
                    y = at.getY();
                    if (at.getX() < first.getX() - 0.5) {
                        p.add(where + "a wrapped line starts at x = " + at.getX() + ", left of its note's first word ("
                                + first.getX() + "): " + text.getText());
                    }
                }
            }
        }
        return p;
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
                    Node notes = dialog.getDialogPane().lookup(".import-notes");
                    return notes != null && notes.getLayoutBounds().getHeight() > 0
                            && notes.lookup(".import-note") != null;
                }));
                WaitForAsyncUtils.waitForFxEvents();
                problems.addAll(UiWait.onFx(() -> {
                    List<String> p = new ArrayList<>();
                    ScrollPane notes = (ScrollPane) dialog.getDialogPane().lookup(".import-notes");
                    double lines = linesInSight(notes);
                    int[] wrapped = {0};
                    p.addAll(indents(dialog.getDialogPane(), where, wrapped));
                    if (wrapped[0] == 0) {
                        p.add(where + "no note wraps, so no hanging indent was seen");
                    }
                    double height = dialog.getDialogPane().getHeight();
                    double width = dialog.getDialogPane().getWidth();
                    System.out.printf(Locale.ROOT, "%s the notes show %.1f lines (%d wrapped seen); the dialog is"
                            + " %.0f × %.0f px%n", where, lines, wrapped[0], width, height);
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
