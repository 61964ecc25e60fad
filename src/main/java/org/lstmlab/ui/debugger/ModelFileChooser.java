package org.lstmlab.ui.debugger;

import java.io.File;
import java.util.ResourceBundle;

import javafx.scene.Node;
import javafx.stage.FileChooser;

/** Asks for a model file and hands it to the view model; cancelling puts back the weights that were chosen before. */
final class ModelFileChooser {
    private ModelFileChooser() {
    }

    static void choose(Node owner, ResourceBundle i18n, DebuggerViewModel vm, WeightPreset previous) {
        WeightPreset fallback = previous == WeightPreset.FILE ? WeightPreset.RANDOM_TORCH : previous;
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.getString("debugger.chooser.model"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.getString("debugger.chooser.filter"),
                "*.safetensors", "*.h5", "*.keras"));
        File file = chooser.showOpenDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (file != null) {
            vm.openModelFile(file.toPath(), fallback);
        } else if (vm.form().weightsProperty().get() == WeightPreset.FILE && !vm.hasModelFile()) {
            vm.form().weightsProperty().set(fallback);
        }
    }
}
