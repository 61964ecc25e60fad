package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Checkup.Finding;
import org.lstmlab.engine.session.Checkup.Sign;
import org.lstmlab.engine.text.Message;

/** Saturation and vanishing are judged in every layer; a sign names its layer and gives every layer's value. */
class LayerSignsTest {
    private static final ResourceBundle ZH = ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE);
    private static final double[] HEALTHY = {0.5, 0.8, 1};

    private static GradientReach.Measure layer(double[] reach, double saturated) {
        return new GradientReach.Measure(reach, saturated);
    }

    private static List<Sign> signs(List<Finding> f) {
        return f.stream().map(Finding::sign).toList();
    }

    @Test
    void aSecondLayerThatSaturatesIsNamedAtTheBoundaryCountingFromZero() {
        List<Finding> f = LayerSigns.judge(List.of(layer(HEALTHY, 0.1), layer(HEALTHY, Checkup.SATURATED_MOST),
                layer(HEALTHY, 0.3)), CellType.LSTM, "0.01");
        assertEquals(List.of(Sign.SATURATED), signs(f));
        assertEquals("In layer 1 (layers 0 to 2, from the input up), 50.0 % of the gate values are saturated (a "
                + "sigmoid within 0.0025 of 0 or 1, a tanh within 0.005 of ±1): they pass on almost none of the "
                + "gradient. Layer by layer: 10.0 %, 50.0 %, 30.0 %.", f.get(0).text().english());
        assertEquals("在第 1 层（从输入往上依次为第 0 至 2 层）中，有 50.0 % 的门控值已经饱和（sigmoid 与 0 或 1 相差不到 "
                + "0.0025，tanh 与 ±1 相差不到 0.005）：它们几乎不再传递梯度。逐层依次为：10.0 %、50.0 %、30.0 %。",
                f.get(0).text().in(ZH));
        assertEquals(List.of(), LayerSigns.judge(List.of(layer(HEALTHY, 0.1), layer(HEALTHY, 0.499)),
                CellType.LSTM, "0.01"), "just under half");
    }

    @Test
    void theMostSaturatedLayerIsTheOneNamed() {
        List<Finding> f = LayerSigns.judge(List.of(layer(HEALTHY, 0.6), layer(HEALTHY, 0.9)), CellType.GRU, "1");
        assertTrue(f.get(0).text().english().startsWith("In layer 1 (layers 0 to 1, from the input up), 90.0 %"),
                f.get(0).text().english());
        List<Finding> one = LayerSigns.judge(List.of(layer(HEALTHY, 0.9)), CellType.GRU, "1");
        assertTrue(one.get(0).text().english().startsWith("90.0 % of the gate values are saturated"),
                "one layer needs no number: " + one.get(0).text().english());
        assertEquals(List.of(), LayerSigns.judge(List.of(layer(HEALTHY, Double.NaN)), CellType.RNN_RELU, "1"),
                "ReLU units do not saturate");
    }

    @Test
    void aGradientThatVanishesInTheSecondLayerOnlyIsNamed() {
        double[] gone = {0.99e-6, 0.5, 1};
        double[] almost = {1.01e-6, 0.5, 1};
        List<Finding> f = LayerSigns.judge(List.of(layer(HEALTHY, 0), layer(gone, 0)), CellType.RNN_TANH, "0.01");
        assertEquals(List.of(Sign.VANISHING), signs(f));
        assertEquals("In layer 1 (layers 0 to 1, from the input up), the gradient reaching t = 1 is 9.9e-07 times the "
                + "largest one (at t = 3): the first steps of a sequence hardly change its weights. Layer by layer: "
                + "0.5, 9.9e-07.", f.get(0).text().english());
        assertTrue(f.get(0).advice().english().startsWith("A simple RNN multiplies"), f.get(0).advice().english());
        assertEquals("vanishing-gradient", f.get(0).lesson());
        assertEquals(List.of(), LayerSigns.judge(List.of(layer(HEALTHY, 0), layer(almost, 0)), CellType.RNN_TANH,
                "0.01"), "just above a millionth");
        List<Finding> deeper = LayerSigns.judge(List.of(layer(new double[] {1e-8, 1}, 0),
                layer(new double[] {1e-12, 1}, 0.7)), CellType.LSTM, "0.01");
        assertEquals(List.of(Sign.SATURATED, Sign.VANISHING), signs(deeper));
        assertTrue(deeper.get(1).text().english().startsWith("In layer 1 (layers 0 to 1, from the input up), the "
                + "gradient reaching t = 1 is 1e-12"),
                "the layer where it is smallest: " + deeper.get(1).text().english());
        assertEquals("Here it is lost in the saturated gates, not in the length of the sequences.",
                deeper.get(1).advice().english());
    }
}
