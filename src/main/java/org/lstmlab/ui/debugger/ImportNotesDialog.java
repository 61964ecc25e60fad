package org.lstmlab.ui.debugger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.lstmlab.engine.loss.OutputActivation;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.ui.common.Converters;
import org.lstmlab.ui.common.Resources;
import org.lstmlab.ui.common.WindowZoom;

/**
 * ImportNotesDialog.fxml: shows what an opened model file could not say ({@link ImportChoices}) and lets the user
 * choose it (an RNN's nonlinearity, the head's activation, the steps predicted); "Open with these choices" reopens
 * the file ({@link SetupCommands#applyImportChoices()}).
 */
public final class ImportNotesDialog {
    @FXML private ResourceBundle resources;
    @FXML private TextArea notesArea;
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
        notesArea.textProperty().bind(Bindings.createStringBinding(choices::notesText, choices.notes()));
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

    private static void shownWhen(ReadOnlyBooleanProperty asked, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(asked);
            n.managedProperty().bind(asked);
        }
    }

    /**
     * Zoomed in on a small screen (200 % on 1024 × 768) the dialog stays on it, and its buttons with it: the notes,
     * which scroll, give up the height. Its width is left alone (the buttons take theirs when they are shown).
     */
    private static void fitScreen(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        pane.applyCss();
        Window near = dialog.getOwner();
        Rectangle2D screen = near == null ? Screen.getPrimary().getVisualBounds()
                : Screen.getScreensForRectangle(near.getX(), near.getY(), Math.max(1, near.getWidth()),
                Math.max(1, near.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        if (pane.prefHeight(-1) > screen.getHeight() * 0.9) {
            pane.setPrefHeight(screen.getHeight() * 0.9);
        }
    }

    /** Shows the notes of the file just opened; reopens it when the user chose differently. */
    static void show(ResourceBundle bundle, DebuggerViewModel vm, Node from) {
        ImportChoices choices = vm.setupCommands().importChoices();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(from.getScene() == null ? null : from.getScene().getWindow());
        WindowZoom.dialog(dialog, WindowZoom.of(from));
        dialog.setTitle(bundle.getString("debugger.import.title"));
        dialog.setHeaderText(choices.file() == null ? null : choices.file().getFileName().toString());
        dialog.getDialogPane().setContent(content(bundle, choices));
        boolean asks = choices.asksNonlinearityProperty().get() || choices.asksActivationProperty().get()
                || choices.asksHeadProperty().get();
        ButtonType apply = new ButtonType(bundle.getString(asks ? "debugger.import.apply" : "debugger.import.close"),
                ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().add(apply);
        if (asks) {
            dialog.getDialogPane().getButtonTypes().add(new ButtonType(bundle.getString("debugger.import.keep"),
                    ButtonBar.ButtonData.CANCEL_CLOSE));
        }
        fitScreen(dialog);
        dialog.showAndWait().filter(b -> b == apply).ifPresentOrElse(b -> vm.setupCommands().applyImportChoices(),
                choices::keep);
    }
}
