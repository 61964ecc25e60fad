package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What {@link EnglishWords} counts as English in a Chinese text, and what it leaves as names, data and code. */
class EnglishWordsTest {
    private static List<String> english(String text) {
        return EnglishWords.in(text, List.of("/tmp/my files"));
    }

    @Test
    void aWordOfThreeLettersOrMoreIsEnglish() {
        assertEquals(List.of("linear", "mse"), english("Dense(1, linear)\nmse"));
        assertEquals(List.of("HdfException", "Failed", "load", "children", "for", "group", "address"),
                english("无法读取（HdfException: Failed to load children for group at address 172）"));
        assertEquals(List.of("Label"), english("LSTM Lab 的 Label"));
    }

    @Test
    void namesSymbolsDataAndCodeAreNot() {
        assertEquals(List.of(), english("LSTM Lab：遗忘门 σ(W_if x + b_if)，tanh，aⁿbⁿ，Shift+F11，t = 20"));
        assertEquals(List.of(), english("无法打开：/tmp/my files/a.csv：张量“rnn.bias_hh_l0_reverse”属于双向层"));
        assertEquals(List.of(), english("未知的多余张量 'embedding weight'；后面最多再接一个 nn.Linear（bias=False）"));
        assertEquals(List.of(), english("偏移 23 处的字节 0xFF 不是有效的 UTF-8 编码；导出 model.py 和 .weights.h5"));
    }
}
