package org.lstmlab.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.EquationCatalogue;

/**
 * docs/equations.md is generated from the engine's equation catalogue; this test fails when they drift apart.
 * Regenerate it by running {@link #main} (from the IDE, or with {@code java -cp} over target/classes,
 * target/test-classes and the test class path; see docs/debugger.md).
 */
class EquationsDocTest {
    static final Path DOC = Path.of("docs", "equations.md");

    public static void main(String[] args) throws IOException {
        Files.writeString(DOC, markdown(), StandardCharsets.UTF_8);
        System.out.println("wrote " + DOC);
    }

    /** The page is the catalogue's, and every measured number it quotes is the engine's (to the kernels' rounding). */
    @Test
    void theEquationsPageIsTheCatalogue() throws IOException {
        GradientNumbers.assertSamePage(markdown(), Files.readString(DOC, StandardCharsets.UTF_8), DOC.toString());
    }

    static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(HEADER.replace("{LSTM_STACK}", plain(CellType.LSTM, ""))
                .replace("{GRU_STACKS}", plain(CellType.GRU, "` and `")));
        md.append(GradientNumbers.markdown());
        for (CellType cell : CellType.standard()) {
            md.append("\n## ").append(TITLES[cell.ordinal()]).append("\n\n").append(INTRO[cell.ordinal()]).append('\n');
            for (Direction d : Direction.values()) {
                md.append("\n### ").append(d == Direction.FORWARD ? "Forward" : "Backward (BPTT)").append(" — `")
                        .append(cell.id()).append("`\n\n");
                equations(md, EquationCatalogue.of(cell, d));
            }
            md.append("\n### Weight gradients: sums over time — `").append(cell.id()).append("`\n\n")
                    .append(SUMS).append("\n\n");
            stacks(md, cell, "The sums use the gate blocks' pre-activation gradients stacked in the order of W_ih's "
                    + "rows:", ids -> " (used by " + code(ids) + ")");
            int k = 1;
            for (Equation e : EquationCatalogue.weightGradients(cell)) {
                md.append(k++).append(". **").append(e.name()).append("** (`").append(e.id()).append("`)\n\n")
                        .append("   $$").append(e.latex()).append("$$\n\n");
            }
        }
        md.append(MISTAKES);
        for (CellType cell : CellType.tutorialMistakes()) {
            md.append("\n### `").append(cell.id()).append("`: ").append(TITLES[cell.ordinal()]).append("\n\n")
                    .append(INTRO[cell.ordinal()]).append("\n\n");
            List<Equation> changed = new java.util.ArrayList<>();
            for (Direction d : Direction.values()) {
                EquationCatalogue.of(cell, d).stream().filter(Equation::mistake).forEach(changed::add);
            }
            equations(md, changed);
        }
        md.append(REFERENCES);
        return md.toString();
    }

    /**
     * The cell's stacked gradients ({@link EquationCatalogue#stackedGradients}), each followed by {@code usedBy} of
     * the ids of the equations using it: the page's language writes the note around them.
     */
    static void stacks(StringBuilder md, CellType cell, String intro, Function<List<String>, String> usedBy) {
        List<EquationCatalogue.Definition> defs = EquationCatalogue.stackedGradients(cell);
        if (defs.isEmpty()) {
            return;
        }
        md.append(intro).append("\n\n");
        for (EquationCatalogue.Definition d : defs) {
            md.append("- $$").append(d.latex()).append("$$").append(usedBy.apply(d.usedBy())).append('\n');
        }
        md.append('\n');
    }

    /** The plain-text definitions of {@link EquationCatalogue#stackedGradients}, joined: docs/notation.md's form. */
    static String plain(CellType cell, String separator) {
        return String.join(separator, EquationCatalogue.stackedGradients(cell).stream()
                .map(EquationCatalogue.Definition::plain).toList());
    }

    private static void equations(StringBuilder md, List<Equation> eqs) {
        int k = 1;
        for (Equation e : eqs) {
            md.append(k++).append(". **").append(e.name()).append("** (`").append(e.id()).append("`)\n\n")
                    .append("   $$").append(e.latex()).append("$$\n\n")
                    .append("   reads ").append(code(e.inputs()));
            if (!e.intermediates().isEmpty()) {
                md.append(", computes on the way ").append(code(e.intermediates()));
            }
            md.append(", writes `").append(e.output()).append("`\n\n");
        }
    }

    static String code(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('`').append(n).append('`');
        }
        return sb.toString();
    }

    static final String[] TITLES = {"LSTM", "GRU", "Simple RNN (tanh)", "Simple RNN (ReLU)",
        "the cell state squashed again", "a tanh input gate", "GRU with the reset gate before the product"};

    static final String[] INTRO = {
        "The long short-term memory cell of Hochreiter & Schmidhuber (1997) with the forget gate of Gers, "
                + "Schmidhuber & Cummins (2000), in the form and gate order (i, f, g, o) of PyTorch's `nn.LSTM`, "
                + "whose documentation gives exactly the forward equations below (with separate input and "
                + "recurrent biases; Keras has one bias, which is their sum).",
        "The gated recurrent unit of Cho et al. (2014), as PyTorch's `nn.GRU` documents it: a reset gate and an "
                + "update gate (no output gate, no cell state), gate order (r, z, n), and the reset gate applied "
                + "*after* the recurrent product, `r_t ⊙ (W_hn h_{t-1} + b_hn)` (Keras calls this `reset_after=True`, "
                + "its default, and keeps two bias vectors for it). Cho et al. (2014), d2l and Keras with "
                + "`reset_after=False` apply the reset *before* the product, `W_hn (r_t ⊙ h_{t-1}) + b_hn`: a "
                + "different function, so weights do not carry over between the two. Note the update: "
                + "`h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}`, so z close to 1 keeps the old state, as in Cho et al. and "
                + "Keras; Olah's blog post and Chung et al. (2014) write `h_t = (1 − z_t) ⊙ h_{t-1} + z_t ⊙ h̃_t`, the "
                + "same model with z renamed 1 − z. The lesson `gru-gates` measures the difference.",
        "The simple recurrent network of Elman (1990), as PyTorch's `nn.RNN` with `nonlinearity='tanh'`.",
        "The Elman network of PyTorch's `nn.RNN` with `nonlinearity='relu'`. The ReLU's slope is `[a_t > 0]`: 1 "
                + "where the pre-activation is positive, else 0.",
        "Many tutorials write `C_t = tanh(f_t·C_{t−1} + i_t·C̃_t)` and then `h_t = o_t·tanh(C_t)`. The cell state is "
                + "then squashed twice and can never leave (−1, 1): the hand-built counter stalls below 1, and "
                + "every step multiplies the gradient along the cell path by 1 − c_t² as well as by f_t. Every other "
                + "equation is the LSTM's.",
        "Some tutorials compute the input gate with tanh (`i_t = tanh(W·[h_{t−1}, x_t] + b)`). The \"gate\" then "
                + "lies in (−1, 1): it is no longer a fraction, and a negative value flips the sign of the "
                + "candidate it lets in. Every other equation is the LSTM's.",
        "The GRU as Cho et al. (2014) and Dive into Deep Learning write it, and as Keras computes it with "
                + "`GRU(reset_after=False)` (Keras' default before TensorFlow 2): the reset gate multiplies h_{t-1} "
                + "*before* the recurrent product, `W_hn (r_t ⊙ h_{t-1})`. PyTorch has no such layer, so this model "
                + "is exported to Keras only. b_in and b_hn are only ever added together (Keras stores one bias). "
                + "The equations it shares with the GRU above keep their ids; the others carry `gru-reset-before`."
    };

    static final String SUMS = """
            The same weights are used at every timestep, so their gradients are sums: backpropagation through time \
            first computes every step's δa_t (the rows above, from t = T down to 1), then adds up the products of \
            all T steps (and of every sequence of the batch). The engine adds them up during the backward sweep, \
            one matrix product per block of about 256 rows (a few steps of the batch) while the block's δa_t are \
            still in cache, or one product over all T·B rows when they all fit in cache; the debugger's backward \
            mode shows the per-step δa_t that enter it.""";

    static final String MISTAKES = """

            ## The tutorial's two wrong cells (for the lessons only)

            These two cells are **mistakes** found in widely read tutorials. The engine computes them, forward and \
            backward (`gradcheck --cell lstm-squashed-cell` and `--cell lstm-tanh-input` pass), only so that the \
            lessons `squashed-cell` and `tanh-input-gate` can put them beside the real LSTM and measure what goes \
            wrong. They are never offered as ordinary choices, the model file refuses to save them, and no code is \
            exported for them. Only the equations that differ from the LSTM's are listed.
            """;

    static final String HEADER = """
            # The equations, forward and backward

            This page is generated from the engine's equation catalogue (`org.lstmlab.engine.trace.EquationCatalogue`);
            a test (`EquationsDocTest`) fails if the two drift apart. The debugger shows these same equations, in this
            order, with the numbers of the recorded trace substituted; nothing is computed a second way.

            Notation. `x_t` is the input at step t, `h_{t-1}` and `c_{t-1}` the states it starts from, `W_{i?}` and
            `b_{i?}` the input weights and bias of gate ?, `W_{h?}` and `b_{h?}` the recurrent ones (PyTorch's layout:
            `weight_ih_l{k}` stacks the gates' rows). σ is the logistic sigmoid and ⊙ the element-wise product.
            In the backward pass δv stands for ∂L/∂v; `δy_t` is what arrives from above (the loss, or the layer on top),
            `δh_t^next` and `δc_t^next` what flows back from step t+1. `δa_t` stacks the gate blocks' pre-activation
            gradients in the order of W_ih's rows: `{LSTM_STACK}` for the LSTM. The GRU needs two stacks,
            `{GRU_STACKS}`: the input side (δW_ih, δb_ih, δx_t) takes δa_t, the recurrent side (δW_hh, δb_hh,
            δh_{t-1}^next) takes δã_t, because the reset gate multiplies `W_hn h_{t-1} + b_hn` and not
            `W_in x_t + b_in`. The names in the "reads / writes" lines are the
            trace symbols that breakpoints and watches use. The debugger shows timesteps from 1 (`t == 7` is the seventh
            step); units and layers count from 0, as in PyTorch.

            The backward equations are the chain rule through the forward ones, step by step from the last timestep to
            the first (backpropagation through time, Werbos 1990). Where a gate's pre-activation gradient is multiplied
            by the recurrent weights (`δh_{t-1}^next = W_hhᵀ δa_t`), repeated products shrink the gradient when their
            factors are below 1 (the vanishing gradient; Bengio, Simard & Frasconi 1994) and grow it when they are above
            1 (the exploding gradient; Pascanu, Mikolov & Bengio 2013). In the LSTM the path
            `δc_{t-1}^next = δc_t ⊙ f_t` carries the gradient back with only the forget gate as a factor (Hochreiter &
            Schmidhuber's constant error carousel), so it survives **once the forget gate is near 1**, not by
            construction.
            """;

    static final String REFERENCES = """

            ## References

            - S. Hochreiter and J. Schmidhuber. Long short-term memory. *Neural Computation* 9(8):1735–1780, 1997.
            - F. A. Gers, J. Schmidhuber and F. Cummins. Learning to forget: continual prediction with LSTM.
              *Neural Computation* 12(10):2451–2471, 2000.
            - K. Cho, B. van Merriënboer, C. Gulcehre, D. Bahdanau, F. Bougares, H. Schwenk and Y. Bengio. Learning
              phrase representations using RNN encoder–decoder for statistical machine translation. *EMNLP* 2014.
            - J. Chung, C. Gulcehre, K. Cho and Y. Bengio. Empirical evaluation of gated recurrent neural networks on
              sequence modeling. NIPS 2014 Deep Learning Workshop.
            - J. L. Elman. Finding structure in time. *Cognitive Science* 14(2):179–211, 1990.
            - P. J. Werbos. Backpropagation through time: what it does and how to do it. *Proceedings of the IEEE*
              78(10):1550–1560, 1990.
            - Y. Bengio, P. Simard and P. Frasconi. Learning long-term dependencies with gradient descent is difficult.
              *IEEE Transactions on Neural Networks* 5(2):157–166, 1994.
            - R. Pascanu, T. Mikolov and Y. Bengio. On the difficulty of training recurrent neural networks. \
            *ICML* 2013.
            - R. Jozefowicz, W. Zaremba and I. Sutskever. An empirical exploration of recurrent network architectures.
              *ICML* 2015.
            - Q. V. Le, N. Jaitly and G. E. Hinton. A simple way to initialize recurrent networks of rectified linear
              units. arXiv:1504.00941, 2015 (the adding task's later variant, used here).
            - C. Olah. Understanding LSTM networks. Blog post, 2015.
            - A. Zhang, Z. C. Lipton, M. Li and A. J. Smola. Dive into Deep Learning. d2l.ai.
            - PyTorch documentation: `torch.nn.LSTM`, `torch.nn.GRU` and `torch.nn.RNN` (the forward equations and the
              parameter layout used here; the engine matches PyTorch's results to 1e-9 on the golden cases).
            """;
}
