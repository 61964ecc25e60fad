package org.lstmlab.ui.debugger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.lstmlab.engine.loss.OutputActivation;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.text.Message;
import org.lstmlab.ui.common.Converters;
import org.lstmlab.ui.common.PngSaving;
import org.lstmlab.ui.common.Resources;
import org.lstmlab.ui.common.WindowZoom;
import org.lstmlab.ui.common.Zoom;

/**
 * ImportNotesDialog.fxml: shows what an opened model file could not say ({@link ImportChoices}) and lets the user
 * choose it (an RNN's nonlinearity, the head's activation, the steps predicted); "Open with these choices" reopens
 * the file ({@link SetupCommands#applyImportChoices()}).
 */
public final class ImportNotesDialog {
    @FXML private ResourceBundle resources;
    @FXML private VBox notesBox;
    @FXML private Label nonlinearityLabel;
    @FXML private ComboBox<CellType> nonlinearityBox;
    @FXML private Label activationLabel;
    @FXML private ComboBox<OutputActivation> activationBox;
    @FXML private Label headLabel;
    @FXML private ComboBox<HeadMode> headBox;

    /** Loads the content and binds it to the choices (the boxes edit them directly). */
    static Node content(ResourceBundle bundle, ImportChoices choices) {
        FXMLLoader loader = new FXMLLoader(Resources.url("debugger/ImportNotesDialog.fxml"), bundle);
        try {
            Node root = loader.load();
            ((ImportNotesDialog) loader.getController()).bind(choices);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bind(ImportChoices choices) {
        ListChangeListener<Message> changed = c -> notesBox.getChildren().setAll(rows(choices));
        notesBox.getProperties().put(ListChangeListener.class, changed);  // kept while the dialog is
        choices.notes().addListener(new WeakListChangeListener<>(changed));
        notesBox.getChildren().setAll(rows(choices));
        nonlinearityBox.getItems().setAll(ImportChoices.NONLINEARITIES);
        nonlinearityBox.setConverter(Converters.labels(resources, "debugger.cell."));
        nonlinearityBox.valueProperty().bindBidirectional(choices.nonlinearityProperty());
        activationBox.getItems().setAll(ImportChoices.ACTIVATIONS);
        activationBox.setConverter(Converters.labels(resources, "debugger.import.activation."));
        activationBox.valueProperty().bindBidirectional(choices.activationProperty());
        headBox.getItems().setAll(ImportChoices.HEADS);
        headBox.setConverter(Converters.labels(resources, "debugger.import.head."));
        headBox.valueProperty().bindBidirectional(choices.headProperty());
        shownWhen(choices.asksNonlinearityProperty(), nonlinearityLabel, nonlinearityBox);
        shownWhen(choices.asksActivationProperty(), activationLabel, activationBox);
        shownWhen(choices.asksHeadProperty(), headLabel, headBox);
    }

    /**
     * A row for each note: a bullet, and beside it the note, which wraps in a column of its own, so that its next
     * lines start under its first word, not under the bullet. Right-click a note to copy it, or all of them.
     */
    private List<Node> rows(ImportChoices choices) {
        return choices.notesShown().stream().<Node>map(note -> {
            Label bullet = new Label("\u2022");
            bullet.setMinWidth(Region.USE_PREF_SIZE);
            Label text = new Label(note);
            text.getStyleClass().add("import-note");
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.setMaxWidth(Double.MAX_VALUE);
            text.setContextMenu(copyMenu(note, choices));
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(bullet, text);
            row.setFillHeight(false);
            row.setStyle("-fx-spacing: 0.4em;");
            return row;
        }).toList();
    }

    /** "Copy" puts {@code note} on the clipboard, "Copy all" every note, a line each after a bullet. */
    private ContextMenu copyMenu(String note, ImportChoices choices) {
        return new ContextMenu(PngSaving.item(resources, "debugger.import.copy", () -> PngSaving.copy(note)),
                PngSaving.item(resources, "debugger.import.copyAll", () -> PngSaving.copy(choices.notesCopied())));
    }

    private static void shownWhen(ReadOnlyBooleanProperty asked, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(asked);
            n.managedProperty().bind(asked);
        }
    }

    /** The content's width at 100 %; zoomed in it grows as much, as far as the screen allows. */
    private static final double WIDTH = 640;
    /** The height a dialog's title bar and frame take on the screen, which its pane does not count. */
    private static final double FRAME = 40;

    /** The visual bounds of the screen {@code near} is on (the primary screen's when null). */
    private static Rectangle2D screenOf(Window near) {
        return near == null ? Screen.getPrimary().getVisualBounds()
                : Screen.getScreensForRectangle(near.getX(), near.getY(), Math.max(1, near.getWidth()),
                Math.max(1, near.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    }

    /**
     * Fits the dialog, at {@code percent}, to {@code screen} (its visual bounds). Zoomed in, the content grows as
     * wide as the letters (up to the screen's width), so that its texts take fewer lines. If it is still taller
     * than the screen (200 % on 1024 × 768), the file's name moves from the header to the title bar, and the notes,
     * which scroll, give up the rest of the height: they kept about two lines there, and now five or more. The
     * buttons stay on the screen.
     */
    static void fit(Dialog<?> dialog, Rectangle2D screen, int percent) {
        DialogPane pane = dialog.getDialogPane();
        Region content = (Region) pane.getContent();
        pane.applyCss();
        double frame = pane.prefWidth(-1) - content.prefWidth(-1) + FRAME;  // the pane's padding, the window's frame
        content.setPrefWidth(Math.max(WIDTH, Math.min(WIDTH * Zoom.factor(percent), screen.getWidth() - frame)));
        double room = screen.getHeight() - FRAME;
        double width = content.getPrefWidth() + frame - FRAME;
        if (pane.prefHeight(width) > room && pane.getHeaderText() != null) {
            dialog.setTitle(dialog.getTitle() + " \u2014 " + pane.getHeaderText());
            pane.setHeaderText(null);
            pane.applyCss();
        }
        if (pane.prefHeight(width) > room) {
            pane.setPrefHeight(room);
            pane.setMaxHeight(room);
        }
    }

    /** The dialog with the notes of the file just opened, at the zoom of {@code from} ({@link #fit} fits it). */
    static Dialog<ButtonType> dialog(ResourceBundle bundle, ImportChoices choices, Node from) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(from.getScene() == null ? null : from.getScene().getWindow());
        int percent = WindowZoom.of(from);
        WindowZoom.dialog(dialog, percent);
        dialog.setTitle(bundle.getString("debugger.import.title"));
        dialog.setHeaderText(choices.file() == null ? null : choices.file().getFileName().toString());
        dialog.getDialogPane().setContent(content(bundle, choices));
        boolean asks = choices.asksNonlinearityProperty().get() || choices.asksActivationProperty().get()
                || choices.asksHeadProperty().get();
        String apply = bundle.getString(asks ? "debugger.import.apply" : "debugger.import.close");
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(apply, ButtonBar.ButtonData.OK_DONE));
        if (asks) {
            dialog.getDialogPane().getButtonTypes().add(new ButtonType(bundle.getString("debugger.import.keep"),
                    ButtonBar.ButtonData.CANCEL_CLOSE));
        }
        return dialog;
    }

    /** Shows the notes of the file just opened; reopens it when the user chose differently. */
    static void show(ResourceBundle bundle, DebuggerViewModel vm, Node from) {
        ImportChoices choices = vm.setupCommands().importChoices();
        Dialog<ButtonType> dialog = dialog(bundle, choices, from);
        fit(dialog, screenOf(dialog.getOwner()), WindowZoom.of(from));
        dialog.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .ifPresentOrElse(b -> vm.setupCommands().applyImportChoices(), choices::keep);
    }
}
