package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.interop.ImportNotesLanguagesTest;
import org.lstmlab.engine.interop.ImportedModel;
import org.lstmlab.engine.interop.ModelImport;
import org.lstmlab.engine.text.Message;
import org.lstmlab.testing.EngineBundles;
import org.lstmlab.testing.NoteCases;
import org.lstmlab.ui.common.I18n;

/**
 * The import dialog says the notes in the app's words: where the command line's note gives an option ("say
 * --activation sigmoid|softmax|none"), the dialog's says the same fact and names the choice that does the same, by
 * its label, in the app's language, and that choice is on show. Every case of {@code import-notes/imports.txt},
 * opened as the command line opens it, in both languages; without a toolkit.
 */
class ImportNotesInAppTest {
    /** The dialog's choices by the key of their label. */
    private static final Map<String, Function<ImportChoices, ReadOnlyBooleanProperty>> SHOWN = Map.of(
            "debugger.import.nonlinearity", ImportChoices::asksNonlinearityProperty,
            "debugger.import.activation", ImportChoices::asksActivationProperty,
            "debugger.import.head", ImportChoices::asksHeadProperty);

    @Test
    void noNoteInTheAppGivesACommandLineOptionAndEachNamesAChoiceOnShow(@TempDir Path dir) throws Exception {
        Set<String> worded = new TreeSet<>();
        for (var e : ImportNotesLanguagesTest.FILES.entrySet()) {
            Path file = e.getValue().maker().make(Files.createDirectories(dir.resolve(e.getKey())));
            ImportedModel m = ModelImport.load(file, e.getValue().options());
            for (Locale locale : I18n.LANGUAGES) {
                ResourceBundle i18n = I18n.bundle(locale);
                ImportChoices c = new ImportChoices(i18n);
                c.opened(file, m, e.getValue().options());
                List<String> lines = c.notesShown();
                assertEquals(m.notes().size(), lines.size(), e.getKey());
                for (int i = 0; i < lines.size(); i++) {
                    String what = e.getKey() + ", " + locale + ": " + lines.get(i);
                    assertFalse(lines.get(i).contains("--"), what);
                    Message note = m.notes().get(i);
                    String choice = ImportChoices.CHOICE_OF_NOTE.get(note.key());
                    if (choice == null) {
                        assertEquals(note.in(i18n), lines.get(i), "as the engine says it");
                        continue;
                    }
                    worded.add(note.key());
                    assertTrue(lines.get(i).contains(i18n.getString(choice)), what);
                    assertTrue(SHOWN.get(choice).apply(c).get(), "the choice is on show: " + what);
                    String cli = note.in(i18n);
                    String fact = cli.substring(0, cli.lastIndexOf(locale.getLanguage().equals("zh") ? "；" : "; "));
                    assertTrue(lines.get(i).startsWith(fact), "the same fact as the command line's: " + what);
                }
            }
        }
        assertEquals(ImportChoices.CHOICE_OF_NOTE.keySet(), worded, "every app wording has a case");
    }

    /** Each note whose English gives a command-line option has the app's words. */
    @Test
    void everyNoteThatGivesAnOptionHasTheAppsWords() {
        Set<String> options = new TreeSet<>();
        for (String k : NoteCases.keysStarting("engine.note.")) {
            if (EngineBundles.EN.getString(k).contains("--")) {
                options.add(k);
            }
        }
        assertEquals(options, new TreeSet<>(ImportChoices.CHOICE_OF_NOTE.keySet()));
        for (Locale locale : I18n.LANGUAGES) {
            ResourceBundle i18n = I18n.bundle(locale);
            for (String k : options) {
                assertTrue(SHOWN.containsKey(ImportChoices.CHOICE_OF_NOTE.get(k)), k);
                assertTrue(i18n.containsKey("debugger.import.note." + k.substring("engine.note.".length())), k);
            }
        }
    }
}
