package org.lstmlab.ui.common;

import java.util.ResourceBundle;

import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;

/** The Encoding box of the user's file, the Train tab's and the Compare tab's: "detect" first, then each encoding. */
public final class EncodingBox {
    private EncodingBox() {
    }

    /** Fills {@code box} with {@link DataFileFields#encodings()} and binds its choice to {@code encoding}. */
    public static void bind(ComboBox<String> box, ResourceBundle i18n, StringProperty encoding) {
        box.setItems(FXCollections.observableArrayList(DataFileFields.encodings()));
        box.setConverter(Converters.display(s -> s.isEmpty() ? i18n.getString("training.data.encoding.auto") : s));
        box.valueProperty().bindBidirectional(encoding);
    }
}
