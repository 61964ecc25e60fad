package org.lstmlab.ui.learn;

import java.io.File;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.lstmlab.ui.common.I18n;

/** The Learn tab: the list of lessons and their progress. The lesson itself plays in the {@link LessonPanel}. */
public final class LearnView {
    @FXML private ResourceBundle resources;
    @FXML private ListView<LearnViewModel.LessonItem> list;
    @FXML private Button openButton;
    @FXML private MenuButton examplesButton;
    @FXML private Button forgetButton;
    @FXML private Button undoButton;
    @FXML private Label forgotten;
    @FXML private Label error;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lstmlab-lessons");
        t.setDaemon(true);
        return t;
    });
    private LearnViewModel vm;
    /** The id of the lesson last chosen in the list. */
    private String chosen;

    @FXML
    private void initialize() {
        vm = new LearnViewModel(resources, new LessonProgress(LessonProgress.defaultFile()), worker,
                Platform::runLater);
        list.setItems(vm.lessons());
        list.setCellFactory(v -> new ListCell<>() {
            {
                setPrefWidth(0);  // as wide as the list, never wider: the summaries wrap, nothing scrolls sideways
            }

            @Override
            protected void updateItem(LearnViewModel.LessonItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : cell(item));
            }
        });
        // Enter opens the lesson, as Start (the default button) would: the list itself takes Enter and drops it
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown()) {
                e.consume();
                onOpen();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                onOpen();
            }
        });
        openButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        error.textProperty().bind(vm.errorProperty());
        var selected = list.getSelectionModel().selectedItemProperty();
        // the list is read again after a lesson closes or is reset: the lesson chosen stays chosen
        selected.addListener((o, was, now) -> chosen = now == null ? chosen : now.id());
        vm.lessons().addListener((ListChangeListener<LearnViewModel.LessonItem>) c -> select(chosen));
        forgetButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || !selected.get().started(), selected));
        forgotten.textProperty().bind(vm.forgottenProperty());
        forgotten.visibleProperty().bind(vm.forgottenProperty().isNotEmpty());
        forgotten.managedProperty().bind(forgotten.visibleProperty());
        undoButton.visibleProperty().bind(forgotten.visibleProperty());
        undoButton.managedProperty().bind(forgotten.visibleProperty());
        if (!vm.lessons().isEmpty()) {
            list.getSelectionModel().select(0);
        }
        examplesButton.getItems().setAll(exampleItems());
    }

    /** One item for each example lesson: it saves a copy where the teacher chooses and opens it (File menu too). */
    public java.util.List<MenuItem> exampleItems() {
        return vm.examples().stream().map(ex -> {
            MenuItem item = new MenuItem(I18n.format(resources, "learn.examples.item", ex.title(), ex.file()));
            item.setOnAction(e -> onCopyExample(ex.file()));
            return item;
        }).toList();
    }

    private VBox cell(LearnViewModel.LessonItem item) {
        Label t = new Label(item.title());
        t.getStyleClass().add("lesson-item-title");
        Label s = new Label(item.error().isEmpty() ? item.summary() : I18n.format(resources, "learn.broken",
                item.error()));
        s.setWrapText(true);
        s.getStyleClass().add(item.error().isEmpty() ? "lesson-item-summary" : "learn-error");
        s.setMaxWidth(760);
        Label p = new Label(item.error().isEmpty() ? I18n.format(resources, "learn.progress", item.solved(),
                item.exercises()) : "");
        p.getStyleClass().add("lesson-item-progress");
        VBox box = new VBox(2, t, s, p);
        box.setId("lesson-" + item.id());
        return box;
    }

    public LearnViewModel viewModel() {
        return vm;
    }

    @FXML
    private void onOpen() {
        LearnViewModel.LessonItem item = list.getSelectionModel().getSelectedItem();
        if (item != null && item.error().isEmpty()) {
            vm.open(item.id());
        }
    }

    @FXML
    private void onForget() {
        LearnViewModel.LessonItem item = list.getSelectionModel().getSelectedItem();
        if (item != null) {
            vm.forget(item.id());
        }
    }

    @FXML
    private void onUndoForget() {
        vm.undoForget();
    }

    private void select(String id) {
        if (id == null) {
            return;
        }
        vm.lessons().stream().filter(i -> i.id().equals(id)).findFirst()
                .ifPresent(i -> list.getSelectionModel().select(i));
    }

    /** File → Open lesson…: a teacher's lesson file. */
    @FXML
    public void onOpenFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("learn.openFile"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(resources.getString("learn.fileFilter"),
                "*.yaml", "*.yml"));
        File f = chooser.showOpenDialog(list.getScene() == null ? null : list.getScene().getWindow());
        if (f != null) {
            vm.openFile(f.toPath());
        }
    }

    /** Example lessons ▸ one: saves a copy where the teacher chooses, to edit, and opens it. */
    private void onCopyExample(String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("learn.examples.save"));
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(resources.getString("learn.fileFilter"),
                "*.yaml", "*.yml"));
        File f = chooser.showSaveDialog(list.getScene() == null ? null : list.getScene().getWindow());
        if (f != null) {
            vm.copyExample(name, f.toPath());
        }
    }

    /** Stops the lesson worker. */
    public void shutdown() {
        worker.shutdownNow();
    }
}
