package org.lstmlab.ui;

import static org.lstmlab.ui.TourScene.fx;
import static org.lstmlab.ui.TourScene.waitUntil;

import java.util.ArrayDeque;
import java.util.List;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.debugger.WeightPreset;

/**
 * The pictures of {@link ScreenshotTour} that are screen captures, popups and windows of their own included, so
 * they need Xvfb: each Help window, Debug ▸ Jump's dialog and the notes shown after opening a model file
 * ({@code windows}), File ▸ Export open and a chart's context menu ({@code menus}), the debugger's picture menus for
 * slides, a cell beside the main one's included, and the user guide's web link menu ({@code slides}).
 */
final class TourScreen {
    private TourScreen() {
    }

    /** Help's windows, Debug ▸ Jump's dialog (when the field is folded) and a model file's notes. */
    static void windows(TourScene s) throws Exception {
        var bar = (MenuBar) s.scene().lookup(".menu-bar");
        waitUntil(() -> s.window().debugger().viewModel().trace() != null, 120);
        for (String id : new String[] {"guideItem", "shortcutsItem", "glossaryItem", "aboutItem", "jump"}) {
            Platform.runLater(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> id.equals(i.getId()) || id.equals("jump") && i.getAccelerator() != null
                            && i.getAccelerator().getName().endsWith("G")).findFirst().orElseThrow()
                    .fire());
            Thread.sleep(id.equals("guideItem") ? 6000 : 2500);  // the guide's pictures load
            Window[] w = new Window[1];
            fx(() -> w[0] = Window.getWindows().stream().filter(x -> x.isShowing()
                    && x instanceof Stage st && st.getOwner() == s.scene().getWindow()).findFirst()
                    .orElse(null));
            if (w[0] != null) {
                s.capture(s.prefix() + "window-" + id.replace("Item", "") + "-" + s.size() + ".png", w[0]);
                fx(() -> ((Stage) w[0]).close());
            }
        }
        // the notes of a model file: a training checkpoint's four, the long ones wrapped under their first word
        fx(() -> s.window().debugger().viewModel().setupCommands().openModelFile(
                java.nio.file.Path.of("src/test/resources/interop/torch_checkpoint.pt"), WeightPreset.RANDOM_TORCH));
        Window[] notes = new Window[1];
        waitUntil(() -> (notes[0] = Window.getWindows().stream().filter(x -> x.isShowing() && x.getScene() != null
                && x.getScene().lookup("#importNotes") != null).findFirst().orElse(null)) != null, 60);
        if (notes[0] != null) {
            Thread.sleep(2500);  // painted
            s.capture(s.prefix() + "window-import-notes-" + s.size() + ".png", notes[0]);
            fx(() -> ((Stage) notes[0]).close());
        }
    }

    /** File ▸ Export open, and a chart's context menu: popups, so the screen. */
    static void menus(TourScene s) throws Exception {
        var train = s.window().trainingView().viewModel();
        fx(() -> s.window().selectTab("train"));
        Thread.sleep(1000);
        fx(() -> {
            var bar = (MenuBar) s.scene().lookup(".menu-bar");
            bar.getMenus().get(0).show();
        });
        Thread.sleep(800);
        TourScene.pointAt(popupItem("exportMenu"));
        Thread.sleep(1500);
        s.capture(s.prefix() + "menu-export-" + s.size() + ".png");
        fx(() -> ((MenuBar) s.scene().lookup(".menu-bar")).getMenus().get(0).hide());
        fx(() -> {
            train.chooseTask(Tasks.byName("sine"));
            train.start();
        });
        waitUntil(() -> train.snapshotProperty().get() != null
                && train.snapshotProperty().get().epochMetrics().size() >= 3, 600);
        fx(train::pause);
        Thread.sleep(1500);
        fx(() -> {
            Node chart = s.scene().lookup("#lossChart");
            var b = chart.localToScreen(chart.getBoundsInLocal());
            var robot = new javafx.scene.robot.Robot();
            robot.mouseMove(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
            robot.mouseClick(javafx.scene.input.MouseButton.SECONDARY);
        });
        Thread.sleep(1500);
        s.capture(s.prefix() + "menu-chart-png-" + s.size() + ".png");
        fx(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof ContextMenu).forEach(Window::hide));
        fx(() -> ((MenuBar) s.scene().lookup(".menu-bar")).getMenus().get(0).show());   // the paused run: enabled
        Thread.sleep(800);
        TourScene.pointAt(popupItem("saveCodeItem"));
        Thread.sleep(1500);
        s.capture(s.prefix() + "menu-save-code-" + s.size() + ".png");
        fx(() -> ((MenuBar) s.scene().lookup(".menu-bar")).getMenus().get(0).hide());
        fx(train::stop);
    }

    /**
     * The picture menus for slides in the Debugger tab, stepped to the cell state: a real right click on the cell
     * diagram ({@code menu-slides-diagram-SIZE.png}) and on the current equation ({@code menu-slides-equation-…}),
     * and the menu key on the diagram reached with Tab ({@code menu-slides-key-…}).
     */
    static void slides(TourScene s) throws Exception {
        var debug = s.window().debugger().viewModel();
        waitUntil(() -> debug.trace() != null, 120);
        for (int i = 0; i < 4; i++) {
            fx(() -> debug.stepper().stepInto());  // to the cell-state equation
        }
        Thread.sleep(1500);
        for (String[] shot : new String[][] {{".cell-diagram", "diagram"}, {"#eq-lstm-c", "equation"}}) {
            rightClick(s.scene().lookup(shot[0]));
            Thread.sleep(1500);
            s.capture(s.prefix() + "menu-slides-" + shot[1] + "-" + s.size() + ".png");
            hideMenus();
        }
        // Tab until the diagram has the focus (its ring shows), then the menu key, as the key event the app sees:
        // Xvfb's keyboard map sends no menu key
        Node diagram = s.scene().lookup(".cell-diagram");
        for (int k = 0; k < 80 && !diagram.isFocused(); k++) {
            fx(() -> new javafx.scene.robot.Robot().keyType(javafx.scene.input.KeyCode.TAB));
            Thread.sleep(100);
        }
        fx(() -> javafx.event.Event.fireEvent(diagram, new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.CONTEXT_MENU, false,
                false, false, false)));
        Thread.sleep(1500);
        s.capture(s.prefix() + "menu-slides-key-" + s.size() + ".png");
        hideMenus();
        // a cell beside the main one: scrolled into view, its own picture menu
        fx(() -> debug.beside().set(org.lstmlab.engine.nn.CellType.GRU, true));
        waitUntil(() -> s.scene().lookup("#companion-gru") != null
                && !debug.companions().isEmpty() && debug.companions().get(0).resultProperty().get() != null, 60);
        Thread.sleep(1500);
        fx(() -> {
            Node gru = s.scene().lookup("#companion-gru");
            for (Parent p = gru.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane pane) {
                    pane.setVvalue(1);
                    break;
                }
            }
        });
        Thread.sleep(1000);
        rightClick(s.scene().lookup("#companion-gru").lookup(".cell-diagram"));
        Thread.sleep(1500);
        s.capture(s.prefix() + "menu-slides-beside-" + s.size() + ".png");
        hideMenus();
        guideLink(s);
    }

    /** The user guide's web link (formats.md's, from the interop guide), right-clicked: Copy link address. */
    private static void guideLink(TourScene s) throws Exception {
        var bar = (MenuBar) s.scene().lookup(".menu-bar");
        fx(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "guideItem".equals(i.getId())).findFirst().orElseThrow().fire());
        Window[] guide = new Window[1];
        waitUntil(() -> (guide[0] = Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#guideList") != null).findFirst().orElse(null)) != null, 30);
        fx(() -> ((javafx.scene.control.ListView<?>) guide[0].getScene().lookup("#guideList")).getSelectionModel()
                .select(3));  // the interop guide
        Thread.sleep(3000);
        fx(() -> guide[0].getScene().getRoot().lookupAll(".hyperlink").stream()
                .map(javafx.scene.control.Hyperlink.class::cast).filter(h -> h.getText().equals("formats.md"))
                .findFirst().orElseThrow().fire());
        Thread.sleep(2000);
        rightClick(guide[0].getScene().getRoot().lookup(".web-link"));
        Thread.sleep(1500);
        s.capture(s.prefix() + "menu-guide-link-" + s.size() + ".png", guide[0]);
        hideMenus();
        fx(() -> ((Stage) guide[0]).close());
    }

    private static void rightClick(Node n) throws InterruptedException {
        fx(() -> {
            var b = n.localToScreen(n.getBoundsInLocal());
            var robot = new javafx.scene.robot.Robot();
            robot.mouseMove(b.getMinX() + b.getWidth() / 3, b.getMinY() + b.getHeight() / 3);
            robot.mouseClick(javafx.scene.input.MouseButton.SECONDARY);
        });
    }

    private static void hideMenus() throws InterruptedException {
        fx(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof ContextMenu)
                .forEach(Window::hide));
    }

    /** The node of a menu item with this id in an open popup menu (a popup is a window of its own). */
    static Node popupItem(String id) throws InterruptedException {
        Node[] found = new Node[1];
        fx(() -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof PopupWindow && w.getScene() != null) {
                    ArrayDeque<Node> todo = new ArrayDeque<>();
                    todo.add(w.getScene().getRoot());
                    while (!todo.isEmpty()) {
                        Node n = todo.poll();
                        if (n.getProperties().get(MenuItem.class) instanceof MenuItem item && id.equals(item.getId())) {
                            found[0] = n;
                        }
                        if (n instanceof Parent p) {
                            todo.addAll(p.getChildrenUnmodifiable());
                        }
                    }
                }
            }
        });
        if (found[0] == null) {
            throw new IllegalStateException("no open menu item " + id);
        }
        return found[0];
    }
}
