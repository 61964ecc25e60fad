package org.lstmlab.engine.interop;

import java.util.List;
import java.util.stream.Collectors;

import org.lstmlab.engine.io.SeriesScaling;

/**
 * The part of an exported {@code model.py} that a model trained on a CSV time series needs: the columns and their
 * training means and standard deviations as constants, and a {@code forecast} function that standardises rows in the
 * file's units, runs the model and gives its forecasts back in the file's units, as {@code predict} does (for a
 * target of class labels, a {@code classify} function that names each window's class). The check at the end of the
 * script runs it on the check input, unstandardised, against the app's forecasts.
 */
final class SeriesCode {
    private SeriesCode() {
    }

    /** Constants and {@code forecast(model, rows)} for PyTorch ({@code classify} for a target of classes). */
    static String torch(SeriesScaling s) {
        if (s.classifies()) {
            return classConstants(s) + "def classify(model, rows):\n"
                    + "    \"\"\"rows: (batch, WINDOW, len(INPUTS)) in the file's units; the class of each window's "
                    + "last row.\"\"\"\n"
                    + "    mean, std = torch.tensor(INPUT_MEAN, dtype=torch.float64), torch.tensor(INPUT_STD, "
                    + "dtype=torch.float64)\n"
                    + "    with torch.no_grad():\n"
                    + "        p = model.predict((torch.as_tensor(rows, dtype=torch.float64) - mean) / std)\n"
                    + "    return [CLASSES[k] for k in p.argmax(dim=-1).tolist()]\n\n\n";
        }
        return constants(s) + "def forecast(model, rows):\n"
                + "    \"\"\"rows: (batch, WINDOW, len(INPUTS)) in the file's units; the forecasts of TARGETS, HORIZON "
                + "rows on, in the file's units.\"\"\"\n"
                + "    mean, std = torch.tensor(INPUT_MEAN, dtype=torch.float64), torch.tensor(INPUT_STD, "
                + "dtype=torch.float64)\n"
                + "    with torch.no_grad():\n"
                + "        y = model.predict((torch.as_tensor(rows, dtype=torch.float64) - mean) / std)\n"
                + "    return y * torch.tensor(TARGET_STD, dtype=torch.float64) + torch.tensor(TARGET_MEAN, "
                + "dtype=torch.float64)\n\n\n";
    }

    /** Constants and {@code forecast(model, rows)} for Keras (NumPy; {@code classify} for a target of classes). */
    static String keras(SeriesScaling s) {
        if (s.classifies()) {
            return classConstants(s) + "def classify(model, rows):\n"
                    + "    \"\"\"rows: (batch, WINDOW, len(INPUTS)) in the file's units; the class of each window's "
                    + "last row.\"\"\"\n"
                    + "    x = (np.asarray(rows, dtype=np.float64) - np.array(INPUT_MEAN)) / np.array(INPUT_STD)\n"
                    + "    return [CLASSES[k] for k in np.asarray(model(x)).argmax(axis=-1).tolist()]\n\n\n";
        }
        return constants(s) + "def forecast(model, rows):\n"
                + "    \"\"\"rows: (batch, WINDOW, len(INPUTS)) in the file's units; the forecasts of TARGETS, HORIZON "
                + "rows on, in the file's units.\"\"\"\n"
                + "    x = (np.asarray(rows, dtype=np.float64) - np.array(INPUT_MEAN)) / np.array(INPUT_STD)\n"
                + "    return np.asarray(model(x)) * np.array(TARGET_STD) + np.array(TARGET_MEAN)\n\n\n";
    }

    /**
     * The lines of the script's main part that check {@code forecast}, or {@code classify} for a target of classes
     * (after {@code check} is loaded).
     */
    static String check(boolean torch, SeriesScaling s) {
        if (s.classifies()) {
            String rows = torch ? "check['input'] * torch.tensor(INPUT_STD, dtype=torch.float64) + torch.tensor("
                    + "INPUT_MEAN, dtype=torch.float64)"
                    : "check['input'] * np.array(INPUT_STD) + np.array(INPUT_MEAN)";
            String expected = torch ? "check['expected'].argmax(dim=-1).tolist()"
                    : "np.asarray(check['expected']).argmax(axis=-1).tolist()";
            return "    rows = " + rows + "  # the check input in the file's units\n"
                    + "    expected = [CLASSES[k] for k in " + expected + "]\n"
                    + "    assert classify(model, rows) == expected, "
                    + "'classify() and LSTM Lab name different classes'\n";
        }
        return check(torch);
    }

    private static String check(boolean torch) {
        String rows = torch ? "check['input'] * torch.tensor(INPUT_STD, dtype=torch.float64) + torch.tensor("
                + "INPUT_MEAN, dtype=torch.float64)" : "check['input'] * np.array(INPUT_STD) + np.array(INPUT_MEAN)";
        String expected = torch ? "check['expected'] * torch.tensor(TARGET_STD, dtype=torch.float64) + torch.tensor("
                + "TARGET_MEAN, dtype=torch.float64)" : "check['expected'] * np.array(TARGET_STD) + np.array("
                + "TARGET_MEAN)";
        String max = torch ? "(forecast(model, rows) - expected).abs().max().item()"
                : "float(np.abs(forecast(model, rows) - expected).max())";
        return "    rows = " + rows + "  # the check input in the file's units\n"
                + "    expected = " + expected + "\n"
                + "    scaled = " + max + " / max(TARGET_STD)\n"
                + "    assert scaled <= 1e-6, f'forecast() and LSTM Lab differ by {scaled:.3e} standard deviations'\n";
    }

    private static String constants(SeriesScaling s) {
        return "# Trained on a CSV series: each column was standardised with the training rows' mean and standard\n"
                + "# deviation, and the model forecasts standardised targets. forecast() does both conversions.\n"
                + "INPUTS = " + names(s.inputs()) + "\n"
                + "INPUT_MEAN = " + numbers(s.inputMean()) + "\n"
                + "INPUT_STD = " + numbers(s.inputStd()) + "\n"
                + "TARGETS = " + names(s.targets()) + "\n"
                + "TARGET_MEAN = " + numbers(s.targetMean()) + "\n"
                + "TARGET_STD = " + numbers(s.targetStd()) + "\n"
                + "WINDOW = " + s.window() + "  # rows the model reads\n"
                + "HORIZON = " + s.horizon() + "  # rows from a window's last row to the row it forecasts\n\n\n";
    }

    private static String classConstants(SeriesScaling s) {
        return "# Trained on a CSV file's class labels: each input column was standardised with the training rows'\n"
                + "# mean and standard deviation; the model gives the probability of each class. classify() scales\n"
                + "# the rows and names the most probable class.\n"
                + "INPUTS = " + names(s.inputs()) + "\n"
                + "INPUT_MEAN = " + numbers(s.inputMean()) + "\n"
                + "INPUT_STD = " + numbers(s.inputStd()) + "\n"
                + "TARGET = " + pythonString(s.targets().get(0)) + "  # the column of labels\n"
                + "CLASSES = " + names(s.classes()) + "  # the model's outputs, in order\n"
                + "WINDOW = " + s.window() + "  # rows the model reads; the class is that of the last one\n\n\n";
    }

    private static String names(List<String> names) {
        return names.stream().map(SeriesCode::pythonString).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String numbers(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(Double.toString(v[i]).replace("E", "e"));
        }
        return b.append(']').toString();
    }

    /** A Python string literal of {@code s}: single quotes, backslashes and control characters escaped. */
    static String pythonString(String s) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\'') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
