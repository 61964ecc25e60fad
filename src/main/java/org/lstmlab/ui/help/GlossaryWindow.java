package org.lstmlab.ui.help;

import java.util.ResourceBundle;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.lstmlab.ui.common.Glossary;
import org.lstmlab.ui.common.I18n;

/** Help ▸ Glossary: the bilingual terms, searchable in either language. */
public final class GlossaryWindow {
    @FXML private Parent root;
    @FXML private TextField search;
    @FXML private TableView<Glossary.Term> table;
    @FXML private TableColumn<Glossary.Term, String> englishColumn;
    @FXML private TableColumn<Glossary.Term, String> chineseColumn;
    @FXML private TableColumn<Glossary.Term, String> symbolColumn;
    @FXML private TableColumn<Glossary.Term, String> noteColumn;
    @FXML private ResourceBundle resources;

    /** Opens the glossary in a window of its own. */
    public static Stage show(Node owner, ResourceBundle i18n) {
        GlossaryWindow w = Windows.load("Glossary", i18n);
        Stage stage = Windows.stage(w.root, owner, i18n, "glossary.title");
        stage.show();
        return stage;
    }

    @FXML
    private void initialize() {
        boolean chinese = resources.getLocale().getLanguage().equals("zh");
        FilteredList<Glossary.Term> shown = new FilteredList<>(FXCollections.observableArrayList(Glossary.terms()));
        search.textProperty().addListener((o, a, q) -> shown.setPredicate(t -> t.matches(q)));
        table.setItems(shown);
        column(englishColumn, Glossary.Term::english);
        column(chineseColumn, t -> chineseCell(resources, t));
        column(symbolColumn, Glossary.Term::symbol);
        column(noteColumn, chinese ? Glossary.Term::noteChinese : Glossary.Term::note);
    }

    /**
     * The Chinese column's text: the term, then the other terms in use on a line of their own, named as such
     * ("其他译法：…" in Chinese, "also: …" in English), not in brackets around terms that have brackets of their own.
     */
    static String chineseCell(ResourceBundle i18n, Glossary.Term t) {
        return t.chineseOthers().isEmpty() ? t.chinese()
                : t.chinese() + "\n" + I18n.format(i18n, "glossary.others", t.chineseOthers());
    }

    private static void column(TableColumn<Glossary.Term, String> c, Function<Glossary.Term, String> value) {
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(12));
                text.getStyleClass().add("glossary-text");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        });
    }
}
