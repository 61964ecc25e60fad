package org.lstmlab.engine.trace;

import static org.lstmlab.engine.trace.Direction.BACKWARD;
import static org.lstmlab.engine.trace.Direction.FORWARD;

import java.util.List;

import org.lstmlab.engine.nn.CellType;

/**
 * The single source of every cell's equations, forward then backward, in the order the engine computes them. The
 * equation view, the breakpoint editor and docs/equations.md all read this list; the values live in a
 * {@link Trace} under each equation's output symbol. δ stands for the gradient of the loss, δy_t for what arrives
 * from above (the loss head or the next layer), δh_t^next for what flows back from step t+1.
 */
public final class EquationCatalogue {
    private EquationCatalogue() {
    }

    public static List<Equation> forward(CellType cell) {
        return switch (cell) {
            case LSTM -> LSTM_FORWARD;
            case GRU -> GRU_FORWARD;
            case RNN_TANH -> rnnForward("tanh", "\\tanh");
            case RNN_RELU -> rnnForward("relu", "\\mathrm{ReLU}");
        };
    }

    public static List<Equation> backward(CellType cell) {
        return switch (cell) {
            case LSTM -> LSTM_BACKWARD;
            case GRU -> GRU_BACKWARD;
            case RNN_TANH -> rnnBackward("tanh", "(1 - h_t^2)");
            case RNN_RELU -> rnnBackward("relu", "[a_t > 0]");
        };
    }

    public static List<Equation> of(CellType cell, Direction direction) {
        return direction == FORWARD ? forward(cell) : backward(cell);
    }

    private static Equation gate(String cell, String gate, String name, String activation) {
        String w = "W_{i" + gate + "} x_t + b_{i" + gate + "} + W_{h" + gate + "} h_{t-1} + b_{h" + gate + "}";
        return new Equation(cell + "." + gate, FORWARD, name, gate + "_t = " + activation + "(" + w + ")",
                List.of("x", "h_prev", "W_i" + gate, "b_i" + gate, "W_h" + gate, "b_h" + gate), List.of("a_" + gate),
                gate);
    }

    private static final List<Equation> LSTM_FORWARD = List.of(
            gate("lstm", "i", "input gate", "\\sigma"),
            gate("lstm", "f", "forget gate", "\\sigma"),
            gate("lstm", "g", "candidate", "\\tanh"),
            gate("lstm", "o", "output gate", "\\sigma"),
            new Equation("lstm.c", FORWARD, "cell state", "c_t = f_t \\odot c_{t-1} + i_t \\odot g_t",
                    List.of("f", "c_prev", "i", "g"), List.of(), "c"),
            new Equation("lstm.h", FORWARD, "hidden state", "h_t = o_t \\odot \\tanh(c_t)",
                    List.of("o", "c"), List.of("tanh_c"), "h"));

    private static final List<Equation> LSTM_BACKWARD = List.of(
            new Equation("lstm.dh", BACKWARD, "gradient of h", "\\delta h_t = \\delta y_t + \\delta h_t^{\\mathrm{next}}",
                    List.of("dy", "dh_next"), List.of(), "dh"),
            new Equation("lstm.da_o", BACKWARD, "output gate pre-activation",
                    "\\delta a_{o,t} = \\delta h_t \\odot \\tanh(c_t) \\odot o_t (1 - o_t)",
                    List.of("dh", "tanh_c", "o"), List.of(), "da_o"),
            new Equation("lstm.dc", BACKWARD, "gradient of c",
                    "\\delta c_t = \\delta h_t \\odot o_t \\odot (1 - \\tanh^2(c_t)) + \\delta c_t^{\\mathrm{next}}",
                    List.of("dh", "o", "tanh_c", "dc_next"), List.of(), "dc"),
            new Equation("lstm.da_f", BACKWARD, "forget gate pre-activation",
                    "\\delta a_{f,t} = \\delta c_t \\odot c_{t-1} \\odot f_t (1 - f_t)",
                    List.of("dc", "c_prev", "f"), List.of(), "da_f"),
            new Equation("lstm.da_i", BACKWARD, "input gate pre-activation",
                    "\\delta a_{i,t} = \\delta c_t \\odot g_t \\odot i_t (1 - i_t)",
                    List.of("dc", "g", "i"), List.of(), "da_i"),
            new Equation("lstm.da_g", BACKWARD, "candidate pre-activation",
                    "\\delta a_{g,t} = \\delta c_t \\odot i_t \\odot (1 - g_t^2)",
                    List.of("dc", "i", "g"), List.of(), "da_g"),
            new Equation("lstm.dc_prev", BACKWARD, "gradient to c_{t-1}",
                    "\\delta c_{t-1}^{\\mathrm{next}} = \\delta c_t \\odot f_t",
                    List.of("dc", "f"), List.of(), "dc_prev"),
            new Equation("lstm.dh_prev", BACKWARD, "gradient to h_{t-1}",
                    "\\delta h_{t-1}^{\\mathrm{next}} = W_{hh}^{\\top} \\delta a_t",
                    List.of("W_hh", "da"), List.of(), "dh_prev"),
            new Equation("lstm.dx", BACKWARD, "gradient of the input",
                    "\\delta x_t = W_{ih}^{\\top} \\delta a_t",
                    List.of("W_ih", "da"), List.of(), "dx"));

    private static final List<Equation> GRU_FORWARD = List.of(
            gate("gru", "r", "reset gate", "\\sigma"),
            gate("gru", "z", "update gate", "\\sigma"),
            new Equation("gru.n", FORWARD, "candidate",
                    "n_t = \\tanh(W_{in} x_t + b_{in} + r_t \\odot (W_{hn} h_{t-1} + b_{hn}))",
                    List.of("x", "h_prev", "r", "W_in", "b_in", "W_hn", "b_hn"),
                    List.of("gi_n", "gh_n", "r_gh_n", "a_n"), "n"),
            new Equation("gru.h", FORWARD, "hidden state", "h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}",
                    List.of("z", "n", "h_prev"), List.of(), "h"));

    private static final List<Equation> GRU_BACKWARD = List.of(
            new Equation("gru.dh", BACKWARD, "gradient of h", "\\delta h_t = \\delta y_t + \\delta h_t^{\\mathrm{next}}",
                    List.of("dy", "dh_next"), List.of(), "dh"),
            new Equation("gru.dn", BACKWARD, "gradient of n", "\\delta n_t = \\delta h_t \\odot (1 - z_t)",
                    List.of("dh", "z"), List.of(), "dn"),
            new Equation("gru.da_n", BACKWARD, "candidate pre-activation",
                    "\\delta a_{n,t} = \\delta n_t \\odot (1 - n_t^2)", List.of("dn", "n"), List.of(), "da_n"),
            new Equation("gru.dz", BACKWARD, "gradient of z", "\\delta z_t = \\delta h_t \\odot (h_{t-1} - n_t)",
                    List.of("dh", "h_prev", "n"), List.of(), "dz"),
            new Equation("gru.da_z", BACKWARD, "update gate pre-activation",
                    "\\delta a_{z,t} = \\delta z_t \\odot z_t (1 - z_t)", List.of("dz", "z"), List.of(), "da_z"),
            new Equation("gru.dr", BACKWARD, "gradient of r",
                    "\\delta r_t = \\delta a_{n,t} \\odot (W_{hn} h_{t-1} + b_{hn})",
                    List.of("da_n", "gh_n"), List.of(), "dr"),
            new Equation("gru.da_r", BACKWARD, "reset gate pre-activation",
                    "\\delta a_{r,t} = \\delta r_t \\odot r_t (1 - r_t)", List.of("dr", "r"), List.of(), "da_r"),
            new Equation("gru.dh_prev", BACKWARD, "gradient to h_{t-1}",
                    "\\delta h_{t-1}^{\\mathrm{next}} = W_{hh}^{\\top} [\\delta a_{r,t};\\, \\delta a_{z,t};\\, "
                            + "r_t \\odot \\delta a_{n,t}] + z_t \\odot \\delta h_t",
                    List.of("W_hh", "da_r", "da_z", "da_n", "r", "z", "dh"), List.of(), "dh_prev"),
            new Equation("gru.dx", BACKWARD, "gradient of the input",
                    "\\delta x_t = W_{ih}^{\\top} [\\delta a_{r,t};\\, \\delta a_{z,t};\\, \\delta a_{n,t}]",
                    List.of("W_ih", "da_r", "da_z", "da_n"), List.of(), "dx"));

    private static List<Equation> rnnForward(String id, String activation) {
        return List.of(new Equation("rnn_" + id + ".h", FORWARD, "hidden state",
                "h_t = " + activation + "(W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh})",
                List.of("x", "h_prev", "W_ih", "b_ih", "W_hh", "b_hh"), List.of("a"), "h"));
    }

    private static List<Equation> rnnBackward(String id, String slope) {
        String c = "rnn_" + id;
        return List.of(
                new Equation(c + ".dh", BACKWARD, "gradient of h",
                        "\\delta h_t = \\delta y_t + \\delta h_t^{\\mathrm{next}}", List.of("dy", "dh_next"), List.of(),
                        "dh"),
                new Equation(c + ".da", BACKWARD, "pre-activation", "\\delta a_t = \\delta h_t \\odot " + slope,
                        List.of("dh", "h"), List.of(), "da"),
                new Equation(c + ".dh_prev", BACKWARD, "gradient to h_{t-1}",
                        "\\delta h_{t-1}^{\\mathrm{next}} = W_{hh}^{\\top} \\delta a_t", List.of("W_hh", "da"),
                        List.of(), "dh_prev"),
                new Equation(c + ".dx", BACKWARD, "gradient of the input", "\\delta x_t = W_{ih}^{\\top} \\delta a_t",
                        List.of("W_ih", "da"), List.of(), "dx"));
    }
}
