package org.lstmlab.ui.debugger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.nn.CellType;

/**
 * Each catalogue equation written for one unit {@code #} with its values as {@code {symbol}} placeholders, e.g.
 * {@code c_t[#] = f_t[#]·c_{t−1}[#] + i_t[#]·g_t[#] = {f}·{c_prev} + {i}·{g} = {c}}. The placeholders are filled with
 * the trace's values; the last one is the result. Symbols are not translated.
 */
final class UnitFormulas {
    private static final Map<String, List<String>> FORMULAS = new HashMap<>();

    static {
        for (String g : CellType.LSTM.gates()) {
            gate("lstm", g, g.equals("g") ? "tanh" : "σ");
        }
        gate("gru", "r", "σ");
        gate("gru", "z", "σ");
        put("lstm.c", "c_t[#] = f_t[#]·c_{t−1}[#] + i_t[#]·g_t[#] = {f}·{c_prev} + {i}·{g} = {c}");
        put("lstm.h", "h_t[#] = o_t[#]·tanh(c_t[#]) = {o}·tanh({c}) = {o}·{tanh_c} = {h}");
        put("gru.n", "n_t[#] = tanh(gi_n[#] + r_t[#]·gh_n[#]) = tanh({gi_n} + {r}·{gh_n}) = tanh({a_n}) = {n}",
                "gi_n[#] = W_in[#,:]·x_t + b_in[#],   gh_n[#] = W_hn[#,:]·h_{t−1} + b_hn[#]");
        put("gru.h", "h_t[#] = (1 − z_t[#])·n_t[#] + z_t[#]·h_{t−1}[#] = (1 − {z})·{n} + {z}·{h_prev} = {h}");
        for (String act : List.of("tanh", "relu")) {
            String c = "rnn_" + act;
            put(c + ".h", "h_t[#] = " + act + "(a_t[#]) = " + act + "({a}) = {h}",
                    "a_t[#] = W_ih[#,:]·x_t + b_ih[#] + W_hh[#,:]·h_{t−1} + b_hh[#]");
            put(c + ".dh", "δh_t[#] = δy_t[#] + δh_t^next[#] = {dy} + {dh_next} = {dh}");
            put(c + ".da", act.equals("tanh") ? "δa_t[#] = δh_t[#]·(1 − h_t[#]²) = {dh}·(1 − {h}²) = {da}"
                    : "δa_t[#] = δh_t[#]·[h_t[#] > 0] = {dh}·[{h} > 0] = {da}");
            put(c + ".dh_prev", "δh_{t−1}^next[#] = Σ_k W_hh[k,#]·δa_t[k] = {dh_prev}");
            put(c + ".dx", "δx_t[#] = Σ_k W_ih[k,#]·δa_t[k] = {dx}");
        }
        put("lstm.dh", "δh_t[#] = δy_t[#] + δh_t^next[#] = {dy} + {dh_next} = {dh}");
        put("lstm.da_o", "δa_o[#] = δh_t[#]·tanh(c_t[#])·o_t[#](1 − o_t[#]) = {dh}·{tanh_c}·{o}·(1 − {o}) = {da_o}");
        put("lstm.dc", "δc_t[#] = δh_t[#]·o_t[#]·(1 − tanh²(c_t[#])) + δc_t^next[#] = {dh}·{o}·(1 − {tanh_c}²) + "
                + "{dc_next} = {dc}");
        put("lstm.da_f", "δa_f[#] = δc_t[#]·c_{t−1}[#]·f_t[#](1 − f_t[#]) = {dc}·{c_prev}·{f}·(1 − {f}) = {da_f}");
        put("lstm.da_i", "δa_i[#] = δc_t[#]·g_t[#]·i_t[#](1 − i_t[#]) = {dc}·{g}·{i}·(1 − {i}) = {da_i}");
        put("lstm.da_g", "δa_g[#] = δc_t[#]·i_t[#]·(1 − g_t[#]²) = {dc}·{i}·(1 − {g}²) = {da_g}");
        put("lstm.dc_prev", "δc_{t−1}^next[#] = δc_t[#]·f_t[#] = {dc}·{f} = {dc_prev}");
        put("lstm.dh_prev", "δh_{t−1}^next[#] = Σ_k W_hh[k,#]·δa_t[k] = {dh_prev}");
        put("lstm.dx", "δx_t[#] = Σ_k W_ih[k,#]·δa_t[k] = {dx}");
        put("gru.dh", "δh_t[#] = δy_t[#] + δh_t^next[#] = {dy} + {dh_next} = {dh}");
        put("gru.dn", "δn_t[#] = δh_t[#]·(1 − z_t[#]) = {dh}·(1 − {z}) = {dn}");
        put("gru.da_n", "δa_n[#] = δn_t[#]·(1 − n_t[#]²) = {dn}·(1 − {n}²) = {da_n}");
        put("gru.dz", "δz_t[#] = δh_t[#]·(h_{t−1}[#] − n_t[#]) = {dh}·({h_prev} − {n}) = {dz}");
        put("gru.da_z", "δa_z[#] = δz_t[#]·z_t[#](1 − z_t[#]) = {dz}·{z}·(1 − {z}) = {da_z}");
        put("gru.dr", "δr_t[#] = δa_n[#]·gh_n[#] = {da_n}·{gh_n} = {dr}");
        put("gru.da_r", "δa_r[#] = δr_t[#]·r_t[#](1 − r_t[#]) = {dr}·{r}·(1 − {r}) = {da_r}");
        put("gru.dh_prev", "δh_{t−1}^next[#] = Σ_k W_hh[k,#]·[δa_r; δa_z; r⊙δa_n]_k + z_t[#]·δh_t[#] = … + "
                + "{z}·{dh} = {dh_prev}");
        put("gru.dx", "δx_t[#] = Σ_k W_ih[k,#]·[δa_r; δa_z; δa_n]_k = {dx}");
    }

    private UnitFormulas() {
    }

    private static void gate(String cell, String g, String act) {
        put(cell + "." + g, g + "_t[#] = " + act + "(a_" + g + "[#]) = " + act + "({a_" + g + "}) = {" + g + "}",
                "a_" + g + "[#] = W_i" + g + "[#,:]·x_t + b_i" + g + "[#] + W_h" + g + "[#,:]·h_{t−1} + b_h" + g
                        + "[#]");
    }

    private static void put(String id, String... lines) {
        FORMULAS.put(id, List.of(lines));
    }

    /** The unit formulas of an equation id; empty if there are none. */
    static List<String> of(String id) {
        return FORMULAS.getOrDefault(id, List.of());
    }
}
