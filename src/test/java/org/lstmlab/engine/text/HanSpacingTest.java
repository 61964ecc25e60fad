package org.lstmlab.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.ui.common.I18n;

/**
 * A Chinese sentence with a Chinese column name in it has no space between two Chinese characters ("用开盘价、收盘价
 * 的滑动窗口预测股价.csv 中的收盘价"), and keeps the one beside a Latin name ("用 temp 的滑动窗口"); English is as it
 * was.
 */
class HanSpacingTest {
    @Test
    void aChineseNameStandsInTheSentenceWithoutSpaces() {
        var zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        assertEquals("用开盘价、收盘价的滑动窗口预测股价.csv 中的收盘价",
                I18n.format(zh, "task.csv.description", "收盘价", "股价.csv", "开盘价、收盘价"));
        assertEquals("用 temp、load 的滑动窗口预测 weather.csv 中的 load",
                I18n.format(zh, "task.csv.description", "load", "weather.csv", "temp、load"));
        assertEquals("Forecast 收盘价 of 股价.csv from windows of 开盘价, 收盘价",
                I18n.format(I18n.bundle(Locale.ENGLISH), "task.csv.description", "收盘价", "股价.csv", "开盘价, 收盘价"));
    }

    @Test
    void onlyASpaceBetweenTwoChineseCharactersGoes() {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        assertEquals("换成{0}的单位", HanSpacing.tidy("换成 {0} 的单位", zh, new Object[] {"收盘价"}));
        assertEquals("换成{0} 的单位", HanSpacing.tidy("换成 {0} 的单位", zh, new Object[] {"最高气温(℃)"}),
                "a name that ends in a bracket keeps the space after it");
        assertEquals("第 {0} 列", HanSpacing.tidy("第 {0} 列", zh, new Object[] {3}), "a number keeps its spaces");
        assertEquals("第 {0} 列", HanSpacing.tidy("第 {0} 列", zh, new Object[] {"3"}));
        assertEquals("，{0}，", HanSpacing.tidy("， {0} ，", zh, new Object[] {"收盘价"}));
        assertEquals("模型已保存到{0}", HanSpacing.tidy("模型已保存到 {0}", zh,
                new Object[] {java.nio.file.Path.of("我的模型.safetensors")}), "a file's name, as a Path");
        assertEquals("at {0} of", HanSpacing.tidy("at {0} of", Locale.ENGLISH, new Object[] {"收盘价"}));
        assertEquals("用 {0,choice,1#它|1<它们} 的", HanSpacing.tidy("用 {0,choice,1#它|1<它们} 的", zh,
                new Object[] {2}), "a placeholder with a format is left as it is");
    }
}
