package org.lstmlab.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English left in a Chinese window: a word that holds three Latin letters in a row and is not one of the names and
 * symbols a Chinese user reads as they are ({@link #ALLOWED}). Before looking, what is the same in every language is
 * taken out: the texts the user chose or typed, what the app quotes from a file (between “ ” or ' '), file names,
 * hexadecimal numbers, and code: a run of characters without spaces that holds {@code . _ / =} or calls something
 * ({@code nn.Linear}, {@code bias=False}, {@code lstm/lstm_cell/kernel:0}, {@code TimeDistributed(Dense)}).
 * So "Dense(1, linear)" leaves "linear", and "HdfException: Failed to load" is English.
 */
final class EnglishWords {
    /** Latin letters, but not modifier letters: the ⁿ of aⁿbⁿ is mathematics. */
    private static final String LETTER = "[\\p{IsLatin}&&[^\\p{Lm}]]";
    private static final Pattern WORD = Pattern.compile(LETTER + "[" + LETTER + "\\p{Nd}]*");
    private static final Pattern THREE = Pattern.compile(LETTER + "{3}");
    /** What the app quotes from a file or from the user: “lstm”, 'embedding.weight'. */
    private static final Pattern QUOTED = Pattern.compile("“[^”]*”|'[^'\\s][^']*'|‘[^’]*’");
    /** A number in hexadecimal (a byte the decoder stopped at: 0xFF). */
    private static final Pattern HEX = Pattern.compile("\\b0x[0-9A-Fa-f]+\\b");
    /** A file's name, which is the same in every language: model.py, .weights.h5, series.csv. */
    private static final Pattern FILE_NAME = Pattern.compile(
            "[\\w.-]*\\.(py|h5|keras|safetensors|pt|pth|csv|txt|json|png|yaml|yml|npz|md)\\b");
    /** Code: a run without spaces (nor Chinese) holding . _ / = or a letter followed by "(". */
    private static final Pattern CODE = Pattern.compile(
            "[\\p{IsLatin}\\p{Nd}_./=:\\[\\]()-]*(?:[._/=]|\\p{IsLatin}\\()[\\p{IsLatin}\\p{Nd}_./=:\\[\\]()-]*");

    /**
     * Words that stay as they are in the Chinese app, each for its reason. A word is compared exactly (its case
     * too), so that "Lab" in the app's name is allowed and "Label" is not.
     */
    static final Set<String> ALLOWED = Set.of(
            // the app's name, and the names of the three cells, as the Chinese edition of Dive into Deep Learning
            // (and every Chinese course) writes them
            "LSTM", "Lab", "GRU", "RNN",
            // the language menu names each language in itself, so that a user who cannot read the language on
            // show finds the way back; the menu's own title says "Language" beside 语言 for the same reason
            "English", "Language",
            // keys as their caps name them (Shift+F11)
            "Shift", "Ctrl", "Alt", "Esc",
            // the authors a task or a cell is named after (the embedded Reber grammar, the GRU of Cho and others)
            "Hochreiter", "Schmidhuber", "Gers", "Cummins", "Cho", "Reber",
            // Keras's own value for the GRU's two forms (reset_after=False), as a user writes it in code
            "True", "False",
            // the frameworks and formats the app reads and writes: product and format names; PyTorch's module as
            // the two lines of Python that convert a pickled file import it, and pip, Python's installer, which
            // installs their safetensors package (先用 pip 安装); TorchScript, the format torch.jit.save writes
            "PyTorch", "Keras", "CSV", "PNG", "JSON", "HDF5", "YAML", "UTF", "GBK", "zip", "safetensors", "Python",
            "pickle", "torch", "import", "pip", "TorchScript",
            // the libraries' class names the app matches a model against (a Keras layer), which a Chinese user
            // types into code as they are (the Layer box: 简单循环网络（SimpleRNN，tanh）; a file's Embedding 层); the
            // optimizers by their names (Adam 优化器, RMSProp 优化器, 随机梯度下降（SGD）), as the Chinese edition of Dive into Deep
            // Learning names them, and as the code writes them
            "Dense", "SimpleRNN", "Dropout", "Embedding", "Adam", "RMSProp", "SGD", "adam", "rmsprop", "sgd",
            // Java's Vector API, by which the status bar and the About dialog name the kernels; Java and JavaFX,
            // whose versions About lists; CPU, as Chinese writes it
            "Vector", "API", "Java", "JavaFX", "CPU",
            // functions named by their mathematical symbol (the Chinese edition keeps them; MSE beside 均方误差 as
            // Chinese texts abbreviate it), and the number types of a tensor as frameworks spell them, NaN too
            "tanh", "sigmoid", "softmax", "ReLU", "MSE", "float32", "float64", "int", "NaN",
            // the debugger's expression language, as the prompt of the breakpoint field shows it
            "isnan",
            // backpropagation through time by its abbreviation, beside 通过时间反向传播 (Backward Mode's tooltip), as
            // Chinese courses write it
            "BPTT");

    private EnglishWords() {
    }

    /** The English words of {@code text}, after taking out each of {@code userTexts}. */
    static List<String> in(String text, List<String> userTexts) {
        String t = text;
        for (String u : userTexts) {
            t = t.replace(u, " ");
        }
        for (Pattern same : List.of(QUOTED, FILE_NAME, HEX, CODE)) {
            t = same.matcher(t).replaceAll(" ");
        }
        List<String> found = new ArrayList<>();
        Matcher m = WORD.matcher(t);
        while (m.find()) {
            String w = m.group();
            if (THREE.matcher(w).find() && !ALLOWED.contains(w)) {
                found.add(w);
            }
        }
        return found;
    }

    /** The pieces of {@code pieces} that hold English, one a line, with their words; empty when none do. */
    static String report(List<ScreenText.Piece> pieces, List<String> userTexts) {
        StringBuilder s = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (ScreenText.Piece p : pieces) {
            List<String> words = in(p.text(), userTexts);
            if (!words.isEmpty() && seen.add(p.text())) {
                String text = p.text().replace('\n', '⏎');
                s.append(words).append(" in ").append(p.where()).append(": «")
                        .append(text.length() > 160 ? text.substring(0, 160) + "…" : text).append("»\n");
            }
        }
        return s.toString();
    }
}
