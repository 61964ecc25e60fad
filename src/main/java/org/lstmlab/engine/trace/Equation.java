package org.lstmlab.engine.trace;

import java.util.List;

/**
 * One equation of a cell, as the debugger shows it and the docs print it.
 *
 * @param id            stable identifier, e.g. {@code lstm.f} or {@code lstm.da_o}; UI labels are keyed by it
 * @param direction     forward or backward
 * @param name          short English name for the generated docs, e.g. "forget gate"
 * @param latex         the equation in LaTeX, PyTorch's notation ({@code W_{if}}, {@code b_{hf}}, δ for dL/d·)
 * @param inputs        the trace symbols and weight views it reads, e.g. {@code x, h_prev, W_if, b_if, W_hf, b_hf}
 * @param intermediates trace symbols it computes on the way, e.g. the pre-activation {@code a_f}
 * @param output        the trace symbol of its result, e.g. {@code f}; {@link Trace#vector} reads it
 * @param unitForm      the same equation in plain text for one unit {@code #}, with the trace's values as
 *                      {@code {symbol}} placeholders and the result as the last placeholder of the first line, e.g.
 *                      {@code c_t[#] = f_t[#]·c_{t−1}[#] + i_t[#]·g_t[#] = {f}·{c_prev} + {i}·{g} = {c}}; further
 *                      lines explain parts of it
 * @param mistake       true when the equation is a tutorial's mistake, not part of any standard cell
 */
public record Equation(String id, Direction direction, String name, String latex, List<String> inputs,
                       List<String> intermediates, String output, List<String> unitForm, boolean mistake) {
    public Equation {
        inputs = List.copyOf(inputs);
        intermediates = List.copyOf(intermediates);
        unitForm = List.copyOf(unitForm);
    }
}
