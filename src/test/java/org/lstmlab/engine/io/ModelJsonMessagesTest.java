package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.text.Message;

/**
 * A model file whose metadata is damaged is refused with the field and the reason: in English on the command line
 * (the sentences as they always were), in Chinese in a Chinese window.
 */
class ModelJsonMessagesTest {
    private static final ResourceBundle ZH = ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE);
    private static final String GOOD = "{\"cell\":\"lstm\",\"input_size\":1,\"hidden_size\":4,\"num_layers\":1,"
            + "\"output_size\":1,\"head\":\"last\",\"loss\":\"mse\"}";

    private static ModelFileException refused(String json) {
        return assertThrows(ModelFileException.class,
                () -> ModelJson.parseArchitecture("m.safetensors", json, new ArrayList<>()));
    }

    private static void says(String json, String english, String chinese) {
        ModelFileException e = refused(json);
        assertEquals("m.safetensors: " + english, e.getMessage());
        String zh = e.userMessage().in(ZH);
        assertTrue(zh.contains(chinese), zh);
        assertFalse(zh.contains("must be") || zh.contains("lacks") || zh.contains("metadata"), "English left: " + zh);
    }

    @Test
    void eachDamagedFieldIsNamedInEitherLanguage() {
        says(GOOD.replace("\"hidden_size\":4", "\"hidden_size\":\"four\""),
                "architecture.hidden_size must be an integer", "architecture.hidden_size 必须是整数");
        says(GOOD.replace("\"loss\":\"mse\"", "\"loss\":7"), "architecture.loss must be a string",
                "architecture.loss 必须是字符串");
        says(GOOD.replace(",\"num_layers\":1", ""), "architecture metadata lacks 'num_layers'",
                "缺少字段“num_layers”");
        says(GOOD.replace("\"input_size\":1", "\"input_size\":99999999999"),
                "architecture.input_size = 99999999999 is outside 0..1048576", "超出了 0 到 1048576 的范围");
        says("[1, 2]", "architecture metadata must be a JSON object, got array", "必须是 JSON 对象");
    }

    @Test
    void aSizeTheModelRefusesKeepsTheModelsOwnReasonInsideTheFrame() {
        ModelFileException e = refused(GOOD.replace("\"num_layers\":1", "\"num_layers\":1000"));
        assertTrue(e.getMessage().startsWith("m.safetensors: architecture: "), e.getMessage());
        assertTrue(e.userMessage().in(ZH).contains("元数据 architecture 有误"), e.userMessage().in(ZH));
    }
}
