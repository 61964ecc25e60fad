package org.lstmlab.engine.trace;

import static org.lstmlab.engine.trace.Direction.BACKWARD;
import static org.lstmlab.engine.trace.Direction.FORWARD;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.nn.CellType;

/**
 * The single source of every cell's equations, forward then backward, in the order the engine computes them. The
 * equation view, its per-unit substitution, the breakpoint editor, the lessons and docs/equations.md all read this
 * list; the values live in a {@link Trace} under each equation's output symbol. δ stands for the gradient of the
 * loss, δy_t for what arrives from above (the loss head or the next layer), δh_t^next for what flows back from step
 * t+1.
 *
 * <p>The two tutorial's mistakes ({@link CellType#isTutorialMistake()}) share the LSTM's equations except those
 * their mistake changes; those carry the cell's id and {@link Equation#mistake()}. The reset-before GRU shares the
 * GRU's equations except those where r_t multiplies h_{t-1} before W_hn; those carry its id.
 */
public final class EquationCatalogue {
    private static final String SQUASHED = CellType.LSTM_SQUASHED_CELL.id();
    private static final String TANH_INPUT = CellType.LSTM_TANH_INPUT.id();
    private static final String RESET_BEFORE = CellType.GRU_RESET_BEFORE.id();
    private static final String DH_UNIT = "δh_t[#] = δy_t[#] + δh_t^next[#] = {dy} + {dh_next} = {dh}";
    /** The ReLU's slope, written once: 1 where the pre-activation is positive, else 0. */
    private static final String RELU_SLOPE = "[a_t > 0]";

    private EquationCatalogue() {
    }

    public static List<Equation> forward(CellType cell) {
        return Built.FORWARD_EQ.get(cell);
    }

    public static List<Equation> backward(CellType cell) {
        return Built.BACKWARD_EQ.get(cell);
    }

    public static List<Equation> of(CellType cell, Direction direction) {
        return direction == FORWARD ? forward(cell) : backward(cell);
    }

    /** The equation with this id, of any cell, or null. */
    public static Equation byId(String id) {
        return Built.BY_ID.get(id);
    }

    /** The per-unit form of an equation id ({@link Equation#unitForm()}); empty for an unknown id. */
    public static List<String> unitForm(String id) {
        Equation e = Built.BY_ID.get(id);
        return e == null ? List.of() : e.unitForm();
    }

    /**
     * A symbol the backward equations use without an equation of their own writing it: the gate blocks'
     * pre-activation gradients stacked into one vector, in the gate order of W_ih's rows.
     *
     * @param symbol  the symbol in LaTeX, as the equations write it (δa_t, δã_t)
     * @param latex   its definition in LaTeX
     * @param plain   the same definition in plain Unicode text (docs/notation.md)
     * @param usedBy  the ids of the equations that use it
     */
    public record Definition(String symbol, String latex, String plain, List<String> usedBy) {
        public Definition {
            usedBy = List.copyOf(usedBy);
        }
    }

    private static final String DA = "\\delta a_t";
    private static final String DA_TILDE = "\\delta \\tilde a_t";

    /**
     * The stacked pre-activation gradients of the cell. An LSTM stacks its four blocks into δa_t. A GRU has two:
     * δa_t = [δa_r; δa_z; δa_n] on the input side (δx_t, δW_ih, δb_ih), and δã_t = [δa_r; δa_z; r_t ⊙ δa_n] on the
     * recurrent side (δW_hh, δb_hh), because the reset gate multiplies W_hn h_{t-1} + b_hn and not W_in x_t + b_in.
     * The reset-before GRU uses δa_t on both sides (its r_t multiplies h_{t-1} instead). A simple RNN's δa_t has an
     * equation of its own; it gets no definition here. The engine's products take the same two arrays (dPre, dRec).
     */
    public static List<Definition> stackedGradients(CellType cell) {
        String c = prefix(cell);
        if (cell.hasCellState()) {
            return List.of(new Definition(DA, DA + " = [\\delta a_{i,t};\\, \\delta a_{f,t};\\, \\delta a_{g,t};\\, "
                    + "\\delta a_{o,t}]", "δa_t = [δa_i; δa_f; δa_g; δa_o]",
                    List.of(c + ".dh_prev", c + ".dx", c + ".dW_ih", c + ".dW_hh", c + ".db_ih", c + ".db_hh")));
        }
        Definition input = new Definition(DA, DA + " = [\\delta a_{r,t};\\, \\delta a_{z,t};\\, \\delta a_{n,t}]",
                "δa_t = [δa_r; δa_z; δa_n]", cell == CellType.GRU
                        ? List.of(c + ".dW_ih", c + ".db_ih")
                        : List.of(c + ".dW_ih", c + ".dW_hh", c + ".db_ih", c + ".db_hh"));
        if (cell == CellType.GRU) {
            return List.of(input, new Definition(DA_TILDE, DA_TILDE + " = [\\delta a_{r,t};\\, \\delta a_{z,t};\\, "
                    + "r_t \\odot \\delta a_{n,t}]", "δã_t = [δa_r; δa_z; r_t ⊙ δa_n]",
                    List.of(c + ".dW_hh", c + ".db_hh")));
        }
        if (cell == CellType.GRU_RESET_BEFORE) {
            return List.of(input);
        }
        return List.of();
    }

    /**
     * How the weight gradients are formed after the backward sweep: each is a sum over every timestep (and every
     * sequence of the batch) of the per-step products, because the same weights are used at every step. Written
     * with the cell's stacked pre-activation gradients ({@link #stackedGradients}): for the GRU, δa_t on the input
     * side and δã_t on the recurrent side.
     */
    public static List<Equation> weightGradients(CellType cell) {
        String c = prefix(cell);
        String dRec = cell == CellType.GRU ? DA_TILDE : DA;
        String hPrev = "h_{t-1}^{\\top}";
        String hUnit = "h_{t−1}[j]";
        String inNote = "";
        String recNote = "";
        String recUnit = "δa_t[k]";
        if (cell == CellType.GRU) {   // the two stacks side by side, so the debugger's rows define what they use
            List<Definition> d = stackedGradients(cell);
            inNote = " \\quad (" + d.get(0).latex() + ")";
            recNote = " \\quad (" + d.get(1).latex() + ")";
            recUnit = "δã_t[k]";
        }
        if (cell == CellType.GRU_RESET_BEFORE) {
            hPrev = "\\tilde h_{t-1}^{\\top}";
            hUnit = "h̃_{t−1}[j]";
            recNote = " \\quad (\\tilde h_{t-1} = h_{t-1} \\ (r, z);\\ "   // no words: the Chinese window shows it
                    + "\\tilde h_{t-1} = r_t \\odot h_{t-1} \\ (n))";
        }
        return List.of(
                weightSum(c + ".dW_ih", "gradient of W_ih",
                        "\\delta W_{ih} = \\sum_{t=1}^{T} " + DA + "\\, x_t^{\\top}" + inNote,
                        "δW_ih[k, d] = Σ_t δa_t[k]·x_t[d]"),
                weightSum(c + ".dW_hh", "gradient of W_hh",
                        "\\delta W_{hh} = \\sum_{t=1}^{T} " + dRec + "\\, " + hPrev + recNote,
                        "δW_hh[k, j] = Σ_t " + recUnit + "·" + hUnit),
                weightSum(c + ".db_ih", "gradient of b_ih", "\\delta b_{ih} = \\sum_{t=1}^{T} " + DA,
                        "δb_ih[k] = Σ_t δa_t[k]"),
                weightSum(c + ".db_hh", "gradient of b_hh", "\\delta b_{hh} = \\sum_{t=1}^{T} " + dRec,
                        "δb_hh[k] = Σ_t " + recUnit));
    }

    private static Equation weightSum(String id, String name, String latex, String unit) {
        return new Equation(id, BACKWARD, name, latex, List.of("da"), List.of(), "", List.of(unit), false);
    }

    private static String prefix(CellType cell) {
        return cell.hasCellState() ? "lstm" : cell.id();
    }

    private static List<Equation> build(CellType cell, Direction d) {
        if (cell.hasCellState()) {
            return d == FORWARD ? lstmForward(cell) : lstmBackward(cell);
        }
        if (cell == CellType.GRU) {
            return d == FORWARD ? GRU_FORWARD : GRU_BACKWARD;
        }
        if (cell == CellType.GRU_RESET_BEFORE) {
            return d == FORWARD ? RESET_BEFORE_FORWARD : RESET_BEFORE_BACKWARD;
        }
        String act = cell == CellType.RNN_TANH ? "tanh" : "relu";
        return d == FORWARD ? rnnForward(act, act.equals("tanh") ? "\\tanh" : "\\mathrm{ReLU}") : rnnBackward(act);
    }

    // ------------------------------------------------------------------------------------------------ LSTM

    private static Equation gate(String id, String gate, String name, String activation, boolean mistake) {
        String w = "W_{i" + gate + "} x_t + b_{i" + gate + "} + W_{h" + gate + "} h_{t-1} + b_{h" + gate + "}";
        String act = activation.equals("\\sigma") ? "σ" : "tanh";
        return new Equation(id, FORWARD, name, gate + "_t = " + activation + "(" + w + ")",
                List.of("x", "h_prev", "W_i" + gate, "b_i" + gate, "W_h" + gate, "b_h" + gate), List.of("a_" + gate),
                gate, List.of(gate + "_t[#] = " + act + "(a_" + gate + "[#]) = " + act + "({a_" + gate + "}) = {" + gate
                        + "}", "a_" + gate + "[#] = W_i" + gate + "[#,:]·x_t + b_i" + gate + "[#] + W_h" + gate
                        + "[#,:]·h_{t−1} + b_h" + gate + "[#]"), mistake);
    }

    private static List<Equation> lstmForward(CellType cell) {
        boolean tanhInput = cell == CellType.LSTM_TANH_INPUT;
        boolean squashed = cell == CellType.LSTM_SQUASHED_CELL;
        List<Equation> eqs = new ArrayList<>();
        eqs.add(tanhInput ? gate(TANH_INPUT + ".i", "i", "input gate computed with tanh (a tutorial's mistake)",
                "\\tanh", true) : gate("lstm.i", "i", "input gate", "\\sigma", false));
        eqs.add(gate("lstm.f", "f", "forget gate", "\\sigma", false));
        eqs.add(gate("lstm.g", "g", "candidate", "\\tanh", false));
        eqs.add(gate("lstm.o", "o", "output gate", "\\sigma", false));
        eqs.add(squashed
                ? new Equation(SQUASHED + ".c", FORWARD, "cell state squashed again (a tutorial's mistake)",
                        "c_t = \\tanh(f_t \\odot c_{t-1} + i_t \\odot g_t)", List.of("f", "c_prev", "i", "g"),
                        List.of(), "c", List.of("c_t[#] = tanh(f_t[#]·c_{t−1}[#] + i_t[#]·g_t[#]) = tanh({f}·{c_prev} "
                                + "+ {i}·{g}) = {c}"), true)
                : new Equation("lstm.c", FORWARD, "cell state", "c_t = f_t \\odot c_{t-1} + i_t \\odot g_t",
                        List.of("f", "c_prev", "i", "g"), List.of(), "c",
                        List.of("c_t[#] = f_t[#]·c_{t−1}[#] + i_t[#]·g_t[#] = {f}·{c_prev} + {i}·{g} = {c}"), false));
        eqs.add(new Equation("lstm.h", FORWARD, "hidden state", "h_t = o_t \\odot \\tanh(c_t)", List.of("o", "c"),
                List.of("tanh_c"), "h",
                List.of("h_t[#] = o_t[#]·tanh(c_t[#]) = {o}·tanh({c}) = {o}·{tanh_c} = {h}"), false));
        return List.copyOf(eqs);
    }

    private static List<Equation> lstmBackward(CellType cell) {
        boolean squashed = cell == CellType.LSTM_SQUASHED_CELL;
        boolean tanhInput = cell == CellType.LSTM_TANH_INPUT;
        // The squashed cell multiplies δc_t by tanh'(·) = 1 − c_t² before anything inside the squash sees it.
        String sq = squashed ? " \\odot (1 - c_t^2)" : "";
        String sqUnit = squashed ? "·(1 − c_t[#]²)" : "";
        String sqVal = squashed ? "·(1 − {c}²)" : "";
        List<String> sqIn = squashed ? List.of("c") : List.of();
        String changed = squashed ? SQUASHED : "lstm";
        String note = squashed ? " (through the tutorial's squash)" : "";
        List<Equation> eqs = new ArrayList<>();
        eqs.add(new Equation("lstm.dh", BACKWARD, "gradient of h",
                "\\delta h_t = \\delta y_t + \\delta h_t^{\\mathrm{next}}",
                List.of("dy", "dh_next"), List.of(), "dh", List.of(DH_UNIT), false));
        eqs.add(new Equation("lstm.da_o", BACKWARD, "output gate pre-activation",
                "\\delta a_{o,t} = \\delta h_t \\odot \\tanh(c_t) \\odot o_t (1 - o_t)",
                List.of("dh", "tanh_c", "o"), List.of(), "da_o",
                List.of("δa_o[#] = δh_t[#]·tanh(c_t[#])·o_t[#](1 − o_t[#]) = {dh}·{tanh_c}·{o}·(1 − {o}) = {da_o}"),
                false));
        eqs.add(new Equation("lstm.dc", BACKWARD, "gradient of c",
                "\\delta c_t = \\delta h_t \\odot o_t \\odot (1 - \\tanh^2(c_t)) + \\delta c_t^{\\mathrm{next}}",
                List.of("dh", "o", "tanh_c", "dc_next"), List.of(), "dc",
                List.of("δc_t[#] = δh_t[#]·o_t[#]·(1 − tanh²(c_t[#])) + δc_t^next[#] = {dh}·{o}·(1 − {tanh_c}²) + "
                        + "{dc_next} = {dc}"), false));
        eqs.add(new Equation(changed + ".da_f", BACKWARD, "forget gate pre-activation" + note,
                "\\delta a_{f,t} = \\delta c_t" + sq + " \\odot c_{t-1} \\odot f_t (1 - f_t)",
                concat(List.of("dc"), sqIn, List.of("c_prev", "f")), List.of(), "da_f",
                List.of("δa_f[#] = δc_t[#]" + sqUnit + "·c_{t−1}[#]·f_t[#](1 − f_t[#]) = {dc}" + sqVal
                        + "·{c_prev}·{f}·(1 − {f}) = {da_f}"), squashed));
        if (tanhInput) {
            eqs.add(new Equation(TANH_INPUT + ".da_i", BACKWARD, "input pre-activation through tanh (a tutorial's "
                    + "mistake)", "\\delta a_{i,t} = \\delta c_t \\odot g_t \\odot (1 - i_t^2)",
                    List.of("dc", "g", "i"), List.of(), "da_i",
                    List.of("δa_i[#] = δc_t[#]·g_t[#]·(1 − i_t[#]²) = {dc}·{g}·(1 − {i}²) = {da_i}"), true));
        } else {
            eqs.add(new Equation(changed + ".da_i", BACKWARD, "input gate pre-activation" + note,
                    "\\delta a_{i,t} = \\delta c_t" + sq + " \\odot g_t \\odot i_t (1 - i_t)",
                    concat(List.of("dc"), sqIn, List.of("g", "i")), List.of(), "da_i",
                    List.of("δa_i[#] = δc_t[#]" + sqUnit + "·g_t[#]·i_t[#](1 − i_t[#]) = {dc}" + sqVal
                            + "·{g}·{i}·(1 − {i}) = {da_i}"), squashed));
        }
        eqs.add(new Equation(changed + ".da_g", BACKWARD, "candidate pre-activation" + note,
                "\\delta a_{g,t} = \\delta c_t" + sq + " \\odot i_t \\odot (1 - g_t^2)",
                concat(List.of("dc"), sqIn, List.of("i", "g")), List.of(), "da_g",
                List.of("δa_g[#] = δc_t[#]" + sqUnit + "·i_t[#]·(1 − g_t[#]²) = {dc}" + sqVal + "·{i}·(1 − {g}²) = "
                        + "{da_g}"), squashed));
        eqs.add(new Equation(changed + ".dc_prev", BACKWARD, "gradient to c_{t-1}" + note,
                "\\delta c_{t-1}^{\\mathrm{next}} = \\delta c_t" + sq + " \\odot f_t",
                concat(List.of("dc"), sqIn, List.of("f")), List.of(), "dc_prev",
                List.of("δc_{t−1}^next[#] = δc_t[#]" + sqUnit + "·f_t[#] = {dc}" + sqVal + "·{f} = {dc_prev}"),
                squashed));
        eqs.add(new Equation("lstm.dh_prev", BACKWARD, "gradient to h_{t-1}",
                "\\delta h_{t-1}^{\\mathrm{next}} = W_{hh}^{\\top} \\delta a_t",
                List.of("W_hh", "da"), List.of(), "dh_prev",
                List.of("δh_{t−1}^next[#] = Σ_k W_hh[k,#]·δa_t[k] = {dh_prev}",
                        "δa_t = [δa_i; δa_f; δa_g; δa_o], the four blocks stacked (4H values)"), false));
        eqs.add(new Equation("lstm.dx", BACKWARD, "gradient of the input", "\\delta x_t = W_{ih}^{\\top} \\delta a_t",
                List.of("W_ih", "da"), List.of(), "dx", List.of("δx_t[#] = Σ_k W_ih[k,#]·δa_t[k] = {dx}"), false));
        return List.copyOf(eqs);
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }

    // ------------------------------------------------------------------------------------------------ GRU

    private static final List<Equation> GRU_FORWARD = List.of(
            gate("gru.r", "r", "reset gate", "\\sigma", false),
            gate("gru.z", "z", "update gate", "\\sigma", false),
            new Equation("gru.n", FORWARD, "candidate",
                    "n_t = \\tanh(W_{in} x_t + b_{in} + r_t \\odot (W_{hn} h_{t-1} + b_{hn}))",
                    List.of("x", "h_prev", "r", "W_in", "b_in", "W_hn", "b_hn"),
                    List.of("gi_n", "gh_n", "r_gh_n", "a_n"), "n",
                    List.of("n_t[#] = tanh(gi_n[#] + r_t[#]·gh_n[#]) = tanh({gi_n} + {r}·{gh_n}) = tanh({a_n}) = {n}",
                            "gi_n[#] = W_in[#,:]·x_t + b_in[#],   gh_n[#] = W_hn[#,:]·h_{t−1} + b_hn[#]"), false),
            new Equation("gru.h", FORWARD, "hidden state", "h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}",
                    List.of("z", "n", "h_prev"), List.of(), "h",
                    List.of("h_t[#] = (1 − z_t[#])·n_t[#] + z_t[#]·h_{t−1}[#] = (1 − {z})·{n} + {z}·{h_prev} = {h}"),
                    false));

    private static final List<Equation> GRU_BACKWARD = List.of(
            new Equation("gru.dh", BACKWARD, "gradient of h",
                    "\\delta h_t = \\delta y_t + \\delta h_t^{\\mathrm{next}}",
                    List.of("dy", "dh_next"), List.of(), "dh", List.of(DH_UNIT), false),
            new Equation("gru.dn", BACKWARD, "gradient of n", "\\delta n_t = \\delta h_t \\odot (1 - z_t)",
                    List.of("dh", "z"), List.of(), "dn",
                    List.of("δn_t[#] = δh_t[#]·(1 − z_t[#]) = {dh}·(1 − {z}) = {dn}"), false),
            new Equation("gru.da_n", BACKWARD, "candidate pre-activation",
                    "\\delta a_{n,t} = \\delta n_t \\odot (1 - n_t^2)", List.of("dn", "n"), List.of(), "da_n",
                    List.of("δa_n[#] = δn_t[#]·(1 − n_t[#]²) = {dn}·(1 − {n}²) = {da_n}"), false),
            new Equation("gru.dz", BACKWARD, "gradient of z", "\\delta z_t = \\delta h_t \\odot (h_{t-1} - n_t)",
                    List.of("dh", "h_prev", "n"), List.of(), "dz",
                    List.of("δz_t[#] = δh_t[#]·(h_{t−1}[#] − n_t[#]) = {dh}·({h_prev} − {n}) = {dz}"), false),
            new Equation("gru.da_z", BACKWARD, "update gate pre-activation",
                    "\\delta a_{z,t} = \\delta z_t \\odot z_t (1 - z_t)", List.of("dz", "z"), List.of(), "da_z",
                    List.of("δa_z[#] = δz_t[#]·z_t[#](1 − z_t[#]) = {dz}·{z}·(1 − {z}) = {da_z}"), false),
            new Equation("gru.dr", BACKWARD, "gradient of r",
                    "\\delta r_t = \\delta a_{n,t} \\odot (W_{hn} h_{t-1} + b_{hn})",
                    List.of("da_n", "gh_n"), List.of(), "dr",
                    List.of("δr_t[#] = δa_n[#]·gh_n[#] = {da_n}·{gh_n} = {dr}"), false),
            new Equation("gru.da_r", BACKWARD, "reset gate pre-activation",
                    "\\delta a_{r,t} = \\delta r_t \\odot r_t (1 - r_t)", List.of("dr", "r"), List.of(), "da_r",
                    List.of("δa_r[#] = δr_t[#]·r_t[#](1 − r_t[#]) = {dr}·{r}·(1 − {r}) = {da_r}"), false),
            new Equation("gru.dh_prev", BACKWARD, "gradient to h_{t-1}",
                    "\\delta h_{t-1}^{\\mathrm{next}} = W_{hh}^{\\top} [\\delta a_{r,t};\\, \\delta a_{z,t};\\, "
                            + "r_t \\odot \\delta a_{n,t}] + z_t \\odot \\delta h_t",
                    List.of("W_hh", "da_r", "da_z", "da_n", "r", "z", "dh"), List.of(), "dh_prev",
                    List.of("δh_{t−1}^next[#] = Σ_k W_hh[k,#]·[δa_r; δa_z; r⊙δa_n]_k + z_t[#]·δh_t[#] = … + "
                            + "{z}·{dh} = {dh_prev}"), false),
            new Equation("gru.dx", BACKWARD, "gradient of the input",
                    "\\delta x_t = W_{ih}^{\\top} [\\delta a_{r,t};\\, \\delta a_{z,t};\\, \\delta a_{n,t}]",
                    List.of("W_ih", "da_r", "da_z", "da_n"), List.of(), "dx",
                    List.of("δx_t[#] = Σ_k W_ih[k,#]·[δa_r; δa_z; δa_n]_k = {dx}"), false));

    // ------------------------------------------------------------------------------------ GRU, reset before W_hn

    private static final List<Equation> RESET_BEFORE_FORWARD = List.of(GRU_FORWARD.get(0), GRU_FORWARD.get(1),
            new Equation(RESET_BEFORE + ".n", FORWARD, "candidate, reset before the product",
                    "n_t = \\tanh(W_{in} x_t + b_{in} + W_{hn} (r_t \\odot h_{t-1}) + b_{hn})",
                    List.of("x", "h_prev", "r", "W_in", "b_in", "W_hn", "b_hn"),
                    List.of("r_h", "gi_n", "gh_n", "a_n"), "n",
                    List.of("n_t[#] = tanh(gi_n[#] + gh_n[#]) = tanh({gi_n} + {gh_n}) = tanh({a_n}) = {n}",
                            "(r⊙h)[#] = r_t[#]·h_{t−1}[#] = {r}·{h_prev} = {r_h}",
                            "gi_n[#] = W_in[#,:]·x_t + b_in[#],   gh_n[#] = W_hn[#,:]·(r_t ⊙ h_{t−1}) + b_hn[#]"),
                    false),
            GRU_FORWARD.get(3));

    private static final List<Equation> RESET_BEFORE_BACKWARD = List.of(GRU_BACKWARD.get(0), GRU_BACKWARD.get(1),
            GRU_BACKWARD.get(2), GRU_BACKWARD.get(3), GRU_BACKWARD.get(4),
            new Equation(RESET_BEFORE + ".dr_h", BACKWARD, "gradient of r ⊙ h_{t-1}",
                    "\\delta (r \\odot h)_t = W_{hn}^{\\top} \\delta a_{n,t}", List.of("W_hn", "da_n"), List.of(),
                    "dr_h", List.of("δ(r⊙h)[#] = Σ_k W_hn[k,#]·δa_n[k] = {dr_h}"), false),
            new Equation(RESET_BEFORE + ".dr", BACKWARD, "gradient of r",
                    "\\delta r_t = \\delta (r \\odot h)_t \\odot h_{t-1}", List.of("dr_h", "h_prev"), List.of(),
                    "dr", List.of("δr_t[#] = δ(r⊙h)[#]·h_{t−1}[#] = {dr_h}·{h_prev} = {dr}"), false),
            GRU_BACKWARD.get(6),
            new Equation(RESET_BEFORE + ".dh_prev", BACKWARD, "gradient to h_{t-1}",
                    "\\delta h_{t-1}^{\\mathrm{next}} = W_{hr}^{\\top} \\delta a_{r,t} "
                            + "+ W_{hz}^{\\top} \\delta a_{z,t} "
                            + "+ r_t \\odot \\delta (r \\odot h)_t + z_t \\odot \\delta h_t",
                    List.of("W_hr", "W_hz", "da_r", "da_z", "r", "dr_h", "z", "dh"), List.of(), "dh_prev",
                    List.of("δh_{t−1}^next[#] = Σ_k W_hr[k,#]·δa_r[k] + Σ_k W_hz[k,#]·δa_z[k] + r_t[#]·δ(r⊙h)[#] "
                            + "+ z_t[#]·δh_t[#] = … + {r}·{dr_h} + {z}·{dh} = {dh_prev}"), false),
            GRU_BACKWARD.get(8));

    // ------------------------------------------------------------------------------------------------ simple RNN

    private static List<Equation> rnnForward(String act, String activation) {
        return List.of(new Equation("rnn_" + act + ".h", FORWARD, "hidden state",
                "h_t = " + activation + "(W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh})",
                List.of("x", "h_prev", "W_ih", "b_ih", "W_hh", "b_hh"), List.of("a"), "h",
                List.of("h_t[#] = " + act + "(a_t[#]) = " + act + "({a}) = {h}",
                        "a_t[#] = W_ih[#,:]·x_t + b_ih[#] + W_hh[#,:]·h_{t−1} + b_hh[#]"), false));
    }

    private static List<Equation> rnnBackward(String act) {
        String c = "rnn_" + act;
        boolean tanh = act.equals("tanh");
        Equation da = tanh
                ? new Equation(c + ".da", BACKWARD, "pre-activation", "\\delta a_t = \\delta h_t \\odot (1 - h_t^2)",
                        List.of("dh", "h"), List.of(), "da",
                        List.of("δa_t[#] = δh_t[#]·(1 − h_t[#]²) = {dh}·(1 − {h}²) = {da}"), false)
                : new Equation(c + ".da", BACKWARD, "pre-activation", "\\delta a_t = \\delta h_t \\odot " + RELU_SLOPE,
                        List.of("dh", "a"), List.of(), "da",
                        List.of("δa_t[#] = δh_t[#]·" + RELU_SLOPE.replace("a_t", "a_t[#]") + " = {dh}·"
                                + RELU_SLOPE.replace("a_t", "{a}") + " = {da}"), false);
        return List.of(
                new Equation(c + ".dh", BACKWARD, "gradient of h",
                        "\\delta h_t = \\delta y_t + \\delta h_t^{\\mathrm{next}}", List.of("dy", "dh_next"), List.of(),
                        "dh", List.of(DH_UNIT), false),
                da,
                new Equation(c + ".dh_prev", BACKWARD, "gradient to h_{t-1}",
                        "\\delta h_{t-1}^{\\mathrm{next}} = W_{hh}^{\\top} \\delta a_t", List.of("W_hh", "da"),
                        List.of(), "dh_prev", List.of("δh_{t−1}^next[#] = Σ_k W_hh[k,#]·δa_t[k] = {dh_prev}"), false),
                new Equation(c + ".dx", BACKWARD, "gradient of the input", "\\delta x_t = W_{ih}^{\\top} \\delta a_t",
                        List.of("W_ih", "da"), List.of(), "dx", List.of("δx_t[#] = Σ_k W_ih[k,#]·δa_t[k] = {dx}"),
                        false));
    }

    /** Every cell's lists, built once after the constants above exist. */
    private static final class Built {
        static final Map<CellType, List<Equation>> FORWARD_EQ = new LinkedHashMap<>();
        static final Map<CellType, List<Equation>> BACKWARD_EQ = new LinkedHashMap<>();
        static final Map<String, Equation> BY_ID = new LinkedHashMap<>();

        static {
            for (CellType c : CellType.values()) {
                FORWARD_EQ.put(c, build(c, FORWARD));
                BACKWARD_EQ.put(c, build(c, BACKWARD));
                for (Equation e : FORWARD_EQ.get(c)) {
                    BY_ID.putIfAbsent(e.id(), e);
                }
                for (Equation e : BACKWARD_EQ.get(c)) {
                    BY_ID.putIfAbsent(e.id(), e);
                }
            }
        }

        private Built() {
        }
    }
}
