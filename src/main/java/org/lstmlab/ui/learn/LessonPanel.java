package org.lstmlab.ui.learn;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.lstmlab.engine.lessons.Exercise;
import org.lstmlab.ui.common.PngSaving;

/**
 * The lesson player, docked beside the tabs so that the debugger stays in view and in use: the step's prose, what
 * to look at, the exercise, and Back / Show me / Next. It only lays out what its {@link LearnViewModel} holds.
 */
public final class LessonPanel {
    @FXML private ResourceBundle resources;
    @FXML private Label title;
    @FXML private Label position;
    @FXML private ScrollPane scroll;
    @FXML private VBox prose;
    @FXML private Label notes;
    @FXML private Label look;
    @FXML private VBox exerciseBox;
    @FXML private Label status;
    @FXML private Label error;
    @FXML private Button backButton;
    @FXML private Button showMeButton;
    @FXML private Button nextButton;
    @FXML private Hyperlink sourcesLink;
    @FXML private ScrollPane sourcesPane;
    @FXML private VBox sourceList;
    @FXML private Button sourcesBack;
    @FXML private Button sourcesNext;
    @FXML private Button sourcesCopy;

    /** The room left above the verdict when the feedback is scrolled to the pane's top, in px. */
    private static final double FEEDBACK_MARGIN = 6;
    /** Ctrl+C (⌘C on a Mac) while the sources show: all of them on the clipboard. */
    private static final KeyCombination COPY = KeyCombination.keyCombination("Shortcut+C");

    private LearnViewModel vm;
    /** The verdict to keep in view while the pane lays out, or null: see {@link #keepFeedbackInView}. */
    private Node inView;
    private boolean scrollPending;

    /** Shows the view model's lesson (called once by the main window). */
    public void bind(LearnViewModel model) {
        this.vm = model;
        title.textProperty().bind(vm.titleProperty());
        position.textProperty().bind(vm.positionProperty());
        look.textProperty().bind(vm.lookProperty());
        status.textProperty().bind(vm.statusProperty());
        error.textProperty().bind(vm.errorProperty());
        notes.textProperty().bind(vm.notesProperty());
        for (Label l : new Label[] {notes, look, status, error}) {   // empty, a label's line and spacing are room lost
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        backButton.disableProperty().bind(vm.canBackProperty().not().or(vm.busyProperty()));
        nextButton.disableProperty().bind(vm.canNextProperty().not().or(vm.busyProperty()));
        showMeButton.disableProperty().bind(vm.hasActionsProperty().not().or(vm.busyProperty()));
        vm.textProperty().addListener((o, a, b) -> {
            inView = null;
            prose.getChildren().setAll(proseFlow(b));
            scroll.setVvalue(0);
        });
        vm.exerciseProperty().addListener((o, a, b) -> {
            showExercise(b);
            inView = showsNewFeedback(a, b) ? exerciseBox.lookup("#feedback") : null;
            keepFeedbackInView();
        });
        // formulas and tables take their height a layout or two after the text: the feedback is kept in view
        scroll.getContent().layoutBoundsProperty().addListener((o, a, b) -> keepFeedbackInView());
        scroll.viewportBoundsProperty().addListener((o, a, b) -> keepFeedbackInView());
        // until the student moves the pane: what they scroll to stays put
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> inView = null);
        scroll.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> inView = null);
        scroll.addEventFilter(KeyEvent.KEY_PRESSED, e -> inView = null);
        layOut(vm.exerciseProperty().get());  // none yet: no empty box
        bindSources(vm.sources());
    }

    /** The link to the lesson's sources, and the sources in place of the step (which stays as it was, behind). */
    private void bindSources(LessonSources sources) {
        sourcesLink.textProperty().bind(sources.linkProperty());
        sourcesLink.visibleProperty().bind(sources.anyProperty());
        sourcesLink.managedProperty().bind(sourcesLink.visibleProperty());
        sourcesBack.textProperty().bind(sources.backProperty());
        sourcesCopy.textProperty().bind(sources.copyAllProperty());
        sourcesPane.addEventHandler(KeyEvent.KEY_PRESSED, e -> {   // no text to select in the pane: Ctrl+C is all
            if (COPY.match(e)) {
                e.consume();
                onSourcesCopy();
            }
        });
        sourcesPane.visibleProperty().bind(sources.shownProperty());
        scroll.visibleProperty().bind(sources.shownProperty().not());
        sourcesNext.visibleProperty().bind(sources.atEndProperty());   // in Next's place on the last step
        sourcesNext.managedProperty().bind(sourcesNext.visibleProperty());
        sourcesNext.disableProperty().bind(sources.shownProperty());
        nextButton.visibleProperty().bind(sources.atEndProperty().not());
        nextButton.managedProperty().bind(nextButton.visibleProperty());
        sources.references().addListener((javafx.collections.ListChangeListener<String>) c -> listSources());
        listSources();
        sources.shownProperty().addListener((o, a, shown) -> {
            sourcesPane.setVvalue(0);
            Node owner = sourcesPane.getScene() == null ? null : sourcesPane.getScene().getFocusOwner();
            if (shown) {
                sourcesBack.requestFocus();
            } else if (owner != null && inside(owner, sourcesPane)) {   // Next or Back keep the focus they took
                sourcesLink.requestFocus();
            }
        });
    }

    /** One line per reference, numbered, as the lesson's file writes it. */
    private void listSources() {
        List<String> refs = vm.sources().references();
        sourceList.getChildren().clear();
        for (int k = 0; k < refs.size(); k++) {
            Label number = new Label((k + 1) + ".");
            number.getStyleClass().add("lesson-source-number");
            Label ref = new Label(refs.get(k));
            ref.setWrapText(true);
            ref.getStyleClass().add("lesson-source");
            HBox.setHgrow(ref, Priority.ALWAYS);
            int index = k;
            ContextMenu menu = new ContextMenu(
                    PngSaving.item(resources, "learn.sources.copy", () -> PngSaving.copy(vm.sources().copy(index))),
                    PngSaving.item(resources, "learn.sources.copyAll", this::onSourcesCopy));
            number.setContextMenu(menu);
            ref.setContextMenu(menu);
            sourceList.getChildren().add(new HBox(number, ref));
        }
    }

    /**
     * Scrolls the pane, once it is laid out, so that the feedback on show is in view ({@link #inView}, if any): the
     * verdict and what follows it, down to the end of the step when that fits; if the verdict and the explanation
     * are taller than the pane, the verdict at its top, so that the student reads them from their start.
     */
    private void keepFeedbackInView() {
        if (inView == null || scrollPending) {
            return;
        }
        scrollPending = true;
        javafx.application.Platform.runLater(() -> {
            scrollPending = false;
            Node feedback = inView;
            if (feedback == null || feedback.getScene() == null) {
                return;
            }
            scroll.applyCss();
            scroll.layout();
            Node body = scroll.getContent();
            double room = body.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            if (room <= 0) {
                return;
            }
            double top = body.sceneToLocal(feedback.localToScene(feedback.getLayoutBounds())).getMinY();
            double y = top >= room ? room : Math.max(0, top - FEEDBACK_MARGIN);   // to the end, if it fits
            scroll.setVvalue(scroll.getVmin() + (scroll.getVmax() - scroll.getVmin()) * y / room);
        });
    }

    /** Lesson text laid out in the lessons' language (emphasis in Chinese is not italic: see ProseView). */
    private TextFlow proseFlow(String text) {
        return ProseView.render(text, "zh".equals(vm.language()));
    }

    /**
     * Lays the exercise out again after each change (a verdict, a hint, the answer given away): what had the focus
     * keeps it, or the first control still usable takes it, and a typed answer stays in its field, so that a
     * student at the keyboard can correct the number or go on without finding the place again.
     */
    private void showExercise(ExerciseView ev) {
        Node owner = exerciseBox.getScene() == null ? null : exerciseBox.getScene().getFocusOwner();
        String focused = owner != null && inside(owner, exerciseBox) ? String.valueOf(owner.getId()) : null;
        layOut(ev);
        if (focused != null) {
            refocus(focused);
        }
    }

    private static boolean inside(Node n, Node parent) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == parent) {
                return true;
            }
        }
        return false;
    }

    /** Focuses the exercise's control {@code id}, else its first usable one, else Next. */
    private void refocus(String id) {
        Node same = exerciseBox.lookup("#" + id);
        if (same != null && !same.isDisabled()) {
            same.requestFocus();
            return;
        }
        for (String other : List.of("answerField", "checkAnswer", "hint", "reveal")) {
            Node n = exerciseBox.lookup("#" + other);
            if (n != null && !n.isDisabled()) {
                n.requestFocus();
                return;
            }
        }
        (sourcesNext.isVisible() ? sourcesNext : nextButton).requestFocus();
    }

    private void layOut(ExerciseView ev) {
        exerciseBox.getChildren().clear();
        exerciseBox.setVisible(ev != null);
        exerciseBox.setManaged(ev != null);
        if (ev == null) {
            return;
        }
        Label heading = new Label(resources.getString("learn.exercise"));
        heading.getStyleClass().add("exercise-heading");
        exerciseBox.getChildren().addAll(heading, proseFlow(ev.prompt()));
        boolean answered = ev.explanation() != null;
        if (ev.kind() == Exercise.Kind.NUMERIC) {
            TextField field = new TextField();
            field.textProperty().bindBidirectional(vm.answerTextProperty());  // kept while the layout changes
            field.setId("answerField");
            field.setPromptText(resources.getString("learn.yourAnswer"));
            field.setPrefColumnCount(10);
            Button check = new Button(resources.getString("learn.check"));
            check.setId("checkAnswer");
            check.setDefaultButton(true);
            check.setOnAction(e -> vm.checkNumber(field.getText()));
            field.setOnAction(e -> vm.checkNumber(field.getText()));
            HBox row = new HBox(field, check);
            row.getStyleClass().add("exercise-row");
            exerciseBox.getChildren().add(row);
        } else {
            ToggleGroup group = new ToggleGroup();
            for (int k = 0; k < ev.choices().size(); k++) {
                RadioButton rb = new RadioButton();
                rb.setToggleGroup(group);
                rb.setUserData(k);
                rb.setId("choice-" + k);
                rb.setSelected(k == ev.chosen());
                rb.setDisable(answered);
                var text = proseFlow(ev.choices().get(k));
                text.setOnMouseClicked(e -> rb.setSelected(!rb.isDisabled()));
                exerciseBox.getChildren().add(choiceRow(rb, text, ev.mark(k)));
            }
            Button answer = new Button(resources.getString("learn.answer"));
            answer.setId("checkAnswer");
            if (answered) {
                answer.setDisable(true);
            } else {
                answer.disableProperty().bind(group.selectedToggleProperty().isNull().or(vm.busyProperty()));
            }
            answer.setOnAction(e -> vm.choose((Integer) group.getSelectedToggle().getUserData()));
            exerciseBox.getChildren().add(answer);
        }
        for (String h : ev.hints()) {
            var flow = proseFlow(h);
            flow.getStyleClass().add("exercise-hint");
            exerciseBox.getChildren().add(flow);
        }
        Button hint = new Button(resources.getString("learn.hint"));
        hint.setId("hint");
        hint.setDisable(!ev.moreHints());
        Button reveal = new Button(resources.getString("learn.reveal"));
        reveal.setId("reveal");
        reveal.setDisable(answered);
        hint.setOnAction(e -> vm.hint());
        reveal.setOnAction(e -> vm.reveal());
        HBox buttons = new HBox(hint, reveal);
        buttons.getStyleClass().add("exercise-row");
        exerciseBox.getChildren().add(buttons);
        if (!ev.feedback().isEmpty()) {   // prose: "The answer:" quotes a choice, which may hold a formula or code
            var feedback = proseFlow(ev.feedback());
            feedback.setId("feedback");
            feedback.getStyleClass().add(Boolean.TRUE.equals(ev.right()) ? "exercise-right" : "exercise-wrong");
            exerciseBox.getChildren().add(feedback);
        }
        if (!ev.why().isEmpty()) {   // why the choice is wrong, in the lesson's words, under the verdict
            var why = proseFlow(ev.why());
            why.setId("choiceFeedback");
            why.getStyleClass().add("exercise-why");
            exerciseBox.getChildren().add(why);
        }
        if (answered) {
            Label why = new Label(resources.getString("learn.explanation"));
            why.getStyleClass().add("exercise-heading");
            var flow = proseFlow(ev.explanation());
            flow.setId("explanation");
            exerciseBox.getChildren().addAll(why, flow);
        }
    }

    /**
     * Whether {@code now} brings a verdict, an explanation or a new line under the exercise {@code before} showed
     * (a number that is not one): the pane then scrolls down to it ({@link #keepFeedbackInView}). A step that opens
     * with the note that it was solved before does not: its prose starts at the top, as every step's does.
     */
    static boolean showsNewFeedback(ExerciseView before, ExerciseView now) {
        if (now == null || now.feedback().isEmpty()) {
            return false;
        }
        if (now.right() != null || now.explanation() != null) {
            return true;
        }
        boolean same = before != null && before.prompt().equals(now.prompt()) && before.choices().equals(now.choices());
        return same && !before.feedback().equals(now.feedback());
    }

    @FXML
    private void onBack() {
        vm.back();
    }

    @FXML
    private void onNext() {
        vm.next();
    }

    @FXML
    private void onShowMe() {
        vm.showMe();
    }

    @FXML
    private void onSources() {
        sourcesLink.setVisited(false);
        vm.sources().toggle();
    }

    @FXML
    private void onSourcesNext() {
        vm.sources().toggle();
    }

    @FXML
    private void onSourcesCopy() {
        PngSaving.copy(vm.sources().copyAll());
    }

    @FXML
    private void onSourcesBack() {
        vm.sources().hide();
    }

    @FXML
    private void onClose() {
        vm.close();
    }

    /**
     * A choice's row, marked once answered so that a class reads it from afar: the right choice with a check and a
     * green border, a wrong one answered with a cross and a red border (shapes and words, not colour alone), the
     * others in plain black, not greyed out.
     */
    private HBox choiceRow(RadioButton rb, Node text, ExerciseView.ChoiceMark mark) {
        HBox row = new HBox(rb, text);   // an open choice: no more room than a plain row
        HBox.setHgrow(text, Priority.ALWAYS);
        row.getStyleClass().addAll("exercise-row", "choice", "choice-" + mark.name().toLowerCase(Locale.ROOT));
        row.setId("choiceRow-" + rb.getId().substring("choice-".length()));
        if (mark == ExerciseView.ChoiceMark.RIGHT || mark == ExerciseView.ChoiceMark.WRONG) {
            Label sign = new Label(mark == ExerciseView.ChoiceMark.RIGHT ? "\u2713" : "\u2717");
            sign.getStyleClass().add("choice-sign");
            row.getChildren().add(1, sign);
            String says = resources.getString(mark == ExerciseView.ChoiceMark.RIGHT ? "learn.choiceRight"
                    : "learn.choiceWrong");
            sign.setAccessibleText(says);
            Tooltip.install(row, new Tooltip(says));
        }
        return row;
    }
}
