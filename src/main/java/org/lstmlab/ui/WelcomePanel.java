package org.lstmlab.ui;

import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import javafx.beans.property.IntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.ZoomPane;

/**
 * The welcome as a card over the middle of the main window: a line on what LSTM Lab is, the four large actions of
 * {@link Welcome}, its "Show at start" box and a Close button. It does not block the window (a click beside the card
 * reaches the app), grows with the window's zoom, and Enter presses the button that has the focus.
 */
final class WelcomePanel {
    private final Welcome welcome;
    private final ResourceBundle i18n;
    private final Supplier<String> firstLesson;
    /** The card's layer over the window: as large as the window, picking only the card. */
    private final StackPane layer = new StackPane();
    private final ZoomPane zoom;
    private Button first;

    /**
     * @param zoomBy      what Ctrl + wheel over the card does (the window's zoom)
     * @param firstLesson the first lesson's title, for the lesson button's line
     */
    WelcomePanel(Welcome welcome, ResourceBundle i18n, java.util.function.IntConsumer zoomBy,
            Supplier<String> firstLesson) {
        this.welcome = welcome;
        this.i18n = i18n;
        this.firstLesson = firstLesson;
        zoom = new ZoomPane(zoomBy);
        zoom.setId("welcome");
        zoom.setPickOnBounds(false);
        layer.setPickOnBounds(false);
        layer.setAlignment(Pos.CENTER);
        layer.setPadding(new javafx.geometry.Insets(4));
        layer.getStyleClass().add("welcome-layer");
        zoom.setContent(layer);
        zoom.visibleProperty().bind(welcome.shownProperty());
        zoom.managedProperty().bind(welcome.shownProperty());
        layer.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.getTarget() instanceof Button b && !b.isDisabled()) {
                b.fire();   // JavaFX presses a focused button with Space only; a welcome is pressed with Enter too
                e.consume();
            }
        });
        relabel();
    }

    /** The node to lay over the window. */
    Node node() {
        return zoom;
    }

    /** The zoom it is shown at (the window's). */
    IntegerProperty percentProperty() {
        return zoom.percentProperty();
    }

    /** Builds the card again in the bundle's language of now (after View ▸ Language). */
    void relabel() {
        Label title = new Label(i18n.getString("welcome.title"));
        title.getStyleClass().add("welcome-title");
        Label about = new Label(i18n.getString("welcome.about"));
        about.setWrapText(true);

        // two rows of two: a grid of percent columns would measure the wrapping lines at no width, and grow tall
        VBox actions = new VBox(10);
        actions.getStyleClass().add("welcome-actions");
        List<Welcome.Action> all = Welcome.actions();
        for (int k = 0; k < all.size(); k += 2) {
            HBox row = new HBox(10);
            for (Welcome.Action a : all.subList(k, Math.min(k + 2, all.size()))) {
                Button b = action(a);
                row.getChildren().add(b);
            }
            actions.getChildren().add(row);
        }
        first = (Button) ((HBox) actions.getChildren().get(0)).getChildren().get(0);

        CheckBox atStart = new CheckBox(i18n.getString("welcome.showAtStart"));
        atStart.setId("welcomeAtStart");
        atStart.selectedProperty().bindBidirectional(welcome.showAtStartProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button close = new Button(i18n.getString("welcome.close"));
        close.setId("welcomeClose");
        close.setOnAction(e -> welcome.close());
        HBox bottom = new HBox(12, atStart, gap, close);
        bottom.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(10, title, about, actions, bottom);
        card.getStyleClass().add("welcome-card");
        card.setMaxWidth(Region.USE_PREF_SIZE);
        card.setMinWidth(0);   // narrower than its words' widths at 200 %: the lines under the buttons wrap
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setPrefWidth(620);
        layer.getChildren().setAll(card);
    }

    /** One large button: its words in bold and a line under them. */
    private Button action(Welcome.Action a) {
        String words = i18n.getString(a.labelKey());
        String line = a == Welcome.Action.LESSON ? I18n.format(i18n, a.detailKey(), firstLesson.get())
                : i18n.getString(a.detailKey());
        Label top = new Label(words);
        top.getStyleClass().add("welcome-action-title");
        Label under = new Label(line);
        under.getStyleClass().add("welcome-action-detail");
        under.setWrapText(true);
        VBox text = new VBox(2, top, under);
        Button b = new Button(words, text) {
            /** As tall as the lines under the words need at this width (a button measures its graphic unwrapped). */
            @Override
            protected double computePrefHeight(double width) {
                double inner = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
                return Math.max(super.computePrefHeight(width),
                        snappedTopInset() + text.prefHeight(inner) + snappedBottomInset());
            }

            @Override
            public javafx.geometry.Orientation getContentBias() {
                return javafx.geometry.Orientation.HORIZONTAL;
            }
        };
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        b.setAccessibleText(words + ". " + line);
        b.setId("welcome-" + a.name().toLowerCase(java.util.Locale.ROOT));
        b.getStyleClass().add("welcome-action");
        b.setMinWidth(0);
        b.setPrefWidth(280);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.TOP_LEFT);
        b.setOnAction(e -> welcome.run(a));
        HBox.setHgrow(b, Priority.ALWAYS);
        return b;
    }

    /** Gives the first action the keyboard focus (once the card is in a scene). */
    void focusFirst() {
        if (first != null) {
            first.requestFocus();
        }
    }
}
