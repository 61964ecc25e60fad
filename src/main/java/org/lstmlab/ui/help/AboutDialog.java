package org.lstmlab.ui.help;

import java.util.List;
import java.util.ResourceBundle;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Stage;

/** Help ▸ About: the app's version, the Java version and the kernels in use (see {@link AboutInfo}). */
public final class AboutDialog {
    @FXML private Parent root;
    @FXML private GridPane facts;
    @FXML private ResourceBundle resources;

    /** Opens the About window (its title has no mnemonic underscore). */
    public static Stage show(Node owner, ResourceBundle i18n) {
        AboutDialog d = Windows.load("About", i18n);
        Stage stage = Windows.stage(d.root, owner, i18n, "about.title");
        stage.setResizable(false);
        if (stage.getOwner() != null) {
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.show();
        return stage;
    }

    @FXML
    private void initialize() {
        List<AboutInfo.Fact> list = AboutInfo.facts(resources);
        for (int i = 0; i < list.size(); i++) {
            Label name = new Label(list.get(i).label());
            name.getStyleClass().add("about-label");
            Label value = new Label(list.get(i).value());
            value.setWrapText(true);
            value.setId("about-" + i);
            facts.addRow(i, name, value);
        }
    }

    @FXML
    private void onClose() {
        root.getScene().getWindow().hide();
    }
}
