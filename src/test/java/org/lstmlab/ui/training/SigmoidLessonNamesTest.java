package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.interop.CodeExport;
import org.lstmlab.engine.lessons.Lessons;
import org.lstmlab.engine.lessons.Step;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.ui.common.I18n;

/**
 * The lesson step that asks where the sigmoid is quotes the app's own names: the Train tab's head and loss, in
 * English and in Chinese, and lines of the Keras and PyTorch code the app writes for the model the lesson trained
 * (the Keras example with 16 units). A change to either, or to the task's loss, shows here.
 */
class SigmoidLessonNamesTest {
    private static final Pattern CODE_BLOCK = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theStepQuotesTheTrainTabAndTheExportedCode() throws Exception {
        Dataset data = Tasks.byName("keras-example").generate(10, 4);
        ModelSpec spec = Tasks.byName("keras-example").model(data, CellType.LSTM, 16, 1);
        List<Step> steps = Lessons.load("tanh-input-gate").steps();
        Step step = steps.stream().filter(s -> s.text().in("en").contains("Where is the sigmoid?")).findFirst()
                .orElseThrow();
        String en = step.text().in("en");
        String zh = step.text().in("zh");

        String[] headEn = CodePreview.head(I18n.bundle(Locale.ENGLISH), spec).split("\n");
        assertEquals(List.of("Dense(1, sigmoid)", "binary_crossentropy"), List.of(headEn));
        for (String line : headEn) {
            assertTrue(en.contains("`" + line + "`"), "the en text quotes the Train tab's " + line);
        }
        for (String line : CodePreview.head(I18n.bundle(Locale.SIMPLIFIED_CHINESE), spec).split("\n")) {
            assertTrue(zh.contains("“" + line + "”"), "the zh text quotes the Train tab's " + line);
        }

        String keras = CodeExport.keras(spec, TrainingConfig.kerasDefaults(), 10);
        String kerasHead = "model.add(Dense(1, activation='sigmoid'))";
        assertTrue(keras.contains(kerasHead + "\n"), keras);
        assertTrue(en.contains(kerasHead) && zh.contains(kerasHead));

        String torch = CodeExport.pytorch(spec, TrainingConfig.kerasDefaults());
        List<String> torchLines = torch.lines().map(String::strip).toList();
        for (String text : List.of(en, zh)) {
            Matcher m = CODE_BLOCK.matcher(text);
            assertTrue(m.find(), text);
            List<String> quoted = m.group(1).lines().map(String::strip).toList();
            assertEquals(3, quoted.size(), m.group(1));
            for (String line : quoted) {
                assertTrue(torchLines.stream().anyMatch(l -> l.startsWith(line)), line + " is not in\n" + torch);
            }
            assertTrue(quoted.stream().noneMatch(l -> l.toLowerCase(Locale.ROOT).contains("sigmoid")),
                    "the code quoted has no sigmoid in sight");
        }
    }
}
