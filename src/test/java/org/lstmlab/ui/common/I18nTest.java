package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;

/**
 * The label bundles: every FXML key exists; no key is defined in two files; every file has a Simplified Chinese
 * twin with the same keys and the same placeholders; every key is used; the tasks' English agrees with the
 * engine's.
 */
class I18nTest {
    private static final Path RESOURCES = Path.of("resources");
    private static final Path SOURCES = Path.of("src", "main", "java");

    private static Properties load(String bundle, String suffix) throws IOException {
        String path = "/" + bundle.replace('.', '/') + suffix + ".properties";
        try (InputStream in = I18n.class.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void everyFxmlKeyExists() throws IOException {
        ResourceBundle bundle = I18n.bundle(Locale.ENGLISH);
        Pattern key = Pattern.compile("\"%([A-Za-z0-9_.\\-]+)\"");
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".fxml"))::iterator) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    assertTrue(bundle.containsKey(m.group(1)), f + " uses missing key " + m.group(1));
                }
            }
        }
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        Map<String, String> owner = new HashMap<>();
        for (String name : I18n.BUNDLES) {
            Properties p = load(name, "");
            if (p == null) {
                continue;
            }
            for (String k : p.stringPropertyNames()) {
                String before = owner.put(k, name);
                if (before != null) {
                    fail("key " + k + " is in both " + before + " and " + name);
                }
            }
        }
        assertTrue(owner.containsKey("app.title"));
    }

    @Test
    void anEllipsisIsOneCharacterAsInEveryOtherLabel() throws IOException {
        for (String name : I18n.BUNDLES) {
            for (String suffix : new String[] {"", "_zh_CN"}) {
                Properties p = load(name, suffix);
                for (String k : p == null ? java.util.Set.<String>of() : p.stringPropertyNames()) {
                    assertTrue(!p.getProperty(k).contains("..."),
                            name + suffix + ": " + k + " writes '...', not '\u2026'");
                }
            }
        }
    }

    @Test
    void everyBundleHasASimplifiedChineseTwinWithTheSameKeys() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String name : I18n.BUNDLES) {
            Properties en = load(name, "");
            Properties zh = load(name, "_zh_CN");
            assertTrue(en != null, name + ".properties exists");
            if (zh == null) {
                problems.add(name + "_zh_CN.properties is missing");
                continue;
            }
            for (String k : new TreeSet<>(en.stringPropertyNames())) {
                if (!zh.containsKey(k)) {
                    problems.add(name + "_zh_CN lacks " + k);
                } else if (zh.getProperty(k).isBlank() != en.getProperty(k).isBlank()) {
                    problems.add(name + "_zh_CN has an empty " + k);
                }
            }
            for (String k : zh.stringPropertyNames()) {
                if (!en.containsKey(k)) {
                    problems.add(name + "_zh_CN has " + k + ", which the English file does not");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * Templates whose English shows a detail the engine has only in English (a file reader's precise reason, the
     * words the system put after its reason) and whose translation says what that kind of problem means instead:
     * the only places arguments may differ. The same for the Train tab's head, which English names as Keras does
     * ("Dense(1, linear)" over "mse") and Chinese in words (全连接层, 均方误差).
     */
    private static final Set<String> DETAIL_IN_ENGLISH_ONLY = Set.of("engine.safetensors.problem",
            "engine.file.reasonEnglishDetail", "engine.keras.notHdf5", "engine.keras.zipDamaged",
            "engine.lesson.yaml", "engine.lesson.yamlAt", "training.headText");

    @Test
    void translationsKeepTheirPlaceholdersAndFormat() throws IOException {
        Pattern placeholder = Pattern.compile("\\{(\\d+)[^}]*}");
        List<String> problems = new ArrayList<>();
        for (String name : I18n.BUNDLES) {
            Properties en = load(name, "");
            Properties zh = load(name, "_zh_CN");
            for (String k : en.stringPropertyNames()) {
                Set<String> a = new TreeSet<>();
                Set<String> b = new TreeSet<>();
                placeholder.matcher(en.getProperty(k)).results().forEach(r -> a.add(r.group(1)));
                placeholder.matcher(zh.getProperty(k, "")).results().forEach(r -> b.add(r.group(1)));
                if (!a.equals(b) && !DETAIL_IN_ENGLISH_ONLY.contains(k)) {
                    problems.add(k + ": English uses " + a + ", Chinese " + b);
                }
                for (String text : List.of(en.getProperty(k), zh.getProperty(k, ""))) {
                    try {
                        new MessageFormat(text);
                    } catch (IllegalArgumentException e) {
                        problems.add(k + " is not a valid MessageFormat pattern: " + text);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * A key counts as used when the main sources or the FXML name it whole ({@code "debugger.add"},
     * {@code %debugger.add}), or name a prefix that code completes ({@code "debugger.cell." + cell.name()}),
     * or when it belongs to a task ({@link Task#messageKey()}).
     */
    @Test
    void everyKeyIsUsed() throws IOException {
        StringBuilder code = new StringBuilder();
        for (Path root : List.of(SOURCES, RESOURCES)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")
                        || p.toString().endsWith(".fxml"))::iterator) {
                    code.append(Files.readString(f)).append('\n');
                }
            }
        }
        Set<String> literals = new TreeSet<>();
        Matcher m = Pattern.compile("\"([A-Za-z][A-Za-z0-9_\\-]*(?:\\.[A-Za-z0-9_\\-]+)*\\.?)\"|%([A-Za-z0-9_.\\-]+)")
                .matcher(code);
        while (m.find()) {
            literals.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        List<String> prefixes = literals.stream().filter(l -> l.endsWith(".")).toList();
        Set<String> taskKeys = new TreeSet<>();
        for (Task t : Tasks.all()) {
            for (String part : List.of(".title", ".description", ".criterion")) {
                taskKeys.add(t.messageKey() + part);
            }
        }
        taskKeys.addAll(List.of("task.csv.title", "task.csv.description", "task.csv.criterion",
                "task.csvclass.title", "task.csvclass.description", "task.csvclass.criterion"));
        List<String> unused = new ArrayList<>();
        for (String name : I18n.BUNDLES) {
            for (String k : new TreeSet<>(load(name, "").stringPropertyNames())) {
                boolean used = literals.contains(k) || taskKeys.contains(k)
                        || prefixes.stream().anyMatch(k::startsWith);
                if (!used) {
                    unused.add(k);
                }
            }
        }
        assertEquals(List.of(), unused, "keys no code uses: delete them");
    }

    @Test
    void everyBuiltInTaskHasItsTextsAndTheyAgreeWithTheEngine() {
        ResourceBundle en = I18n.bundle(Locale.ENGLISH);
        ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        for (Task t : Tasks.all()) {
            for (String part : List.of(".title", ".description", ".criterion")) {
                assertTrue(en.containsKey(t.messageKey() + part), t.name() + " has " + part);
            }
            assertEquals(t.description(), TaskTexts.description(en, t), t.name() + ": the engine's description");
            assertEquals(t.criterion(), TaskTexts.criterion(en, t), t.name() + ": the engine's criterion");
            assertTrue(TaskTexts.title(zh, t).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), t.name() + " has a Chinese title: " + TaskTexts.title(zh, t));
            // in the engine's sentences (a length it does not take): typed as on the command line in English, by its
            // title in Chinese, never "adding 的序列长度…"
            assertEquals(t.name(), t.title().english(), t.name() + " in an English sentence");
            assertEquals(TaskTexts.title(zh, t), t.title().in(zh), t.name() + " in a Chinese sentence");
        }
        for (String kind : List.of("csv", "csvclass")) {
            assertEquals(zh.getString("task." + kind + ".title"), zh.getString("engine.task.name." + kind), kind);
        }
    }

    /** The debugger names every equation of every cell, forward, backward and the weight sums, in both languages. */
    @Test
    void everyEquationOfEveryCellHasANameInBothLanguages() {
        List<String> missing = new ArrayList<>();
        for (Locale l : I18n.LANGUAGES) {
            ResourceBundle b = I18n.bundle(l);
            for (org.lstmlab.engine.nn.CellType cell : org.lstmlab.engine.nn.CellType.values()) {
                List<org.lstmlab.engine.trace.Equation> all = new ArrayList<>();
                for (org.lstmlab.engine.trace.Direction d : org.lstmlab.engine.trace.Direction.values()) {
                    all.addAll(org.lstmlab.engine.trace.EquationCatalogue.of(cell, d));
                }
                all.addAll(org.lstmlab.engine.trace.EquationCatalogue.weightGradients(cell));
                for (var e : all) {
                    if (!b.containsKey("debugger.eq." + e.id())) {
                        missing.add(l + ": debugger.eq." + e.id());
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /**
     * The Chinese labels name the parts of a cell as the Chinese edition of Dive into Deep Learning does: the cell
     * itself is a 单元 and its state a 记忆元; "细胞" (a biological cell) appears only as the other name of the
     * state, in brackets after 记忆元. The forget gate is 遗忘门 and the hidden state 隐状态, never 忘记门 or 隐藏状态.
     * A tab is named as every other text names it, “训练”页, not “训练”标签页.
     */
    @Test
    void theChineseTermsAreThoseOfDiveIntoDeepLearning() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String name : I18n.BUNDLES) {
            Properties zh = load(name, "_zh_CN");
            for (String k : new TreeSet<>(zh.stringPropertyNames())) {
                String v = zh.getProperty(k).replace("记忆元（细胞状态）", "");
                for (String word : List.of("细胞", "忘记门", "隐藏状态", "标签页")) {
                    if (v.contains(word)) {
                        problems.add(k + " says " + word + ": " + zh.getProperty(k));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A range reads "1 到 20" in Chinese, as the debugger's own messages write it, not "1..20" or "1 … 20". */
    @Test
    void chineseRangesAreWrittenInWords() throws IOException {
        Pattern dots = Pattern.compile("(\\d|\\{\\d})( ?\u2026 ?|\\.\\.)(\\d|\\{\\d})");
        assertEquals(List.of(), chineseValuesWith(dots));
    }

    /** A Chinese menu item's mnemonic stands at its end, "(_T)" before any "…", as Chinese menus write it. */
    @Test
    void chineseMnemonicsEndTheLabel() throws IOException {
        Pattern mnemonic = Pattern.compile("\\(_[A-Z]\\)(?!\u2026?$)");
        assertEquals(List.of(), chineseValuesWith(mnemonic));
    }

    /**
     * The simple (Elman) RNN has one Chinese name, 简单循环网络, as in the lessons and the glossary (which lists the
     * others): never 简单 RNN, 普通 RNN or Elman 网络. SimpleRNN, Keras' layer, stands only in brackets after that
     * name or in a message about a Keras file.
     */
    @Test
    void theSimpleRnnHasOneChineseName() throws IOException {
        Pattern others = Pattern.compile("(简单|普通|朴素|基本|原始)\\s*RNN|简单循环神经网络|Elman\\s*网络");
        Pattern keras = Pattern.compile("(?<!简单循环网络（)SimpleRNN");
        List<String> found = new ArrayList<>(chineseValuesWith(others));
        chineseValuesWith(keras).stream().filter(v -> !v.startsWith("engine.keras.")).forEach(found::add);
        assertEquals(List.of(), found);
    }

    /**
     * A percentage has a space before its sign, "90.3 %" and "{0} %", in English and in Chinese, as the app's numbers
     * ({@link Percent}) and the checkup write it. A format such as ".0%" (a lesson's number format) is no percentage,
     * nor is a cell's text quoted as a file writes it ('1.23%', “1.23%”).
     */
    @Test
    void aPercentSignFollowsASpace() throws IOException {
        Pattern glued = Pattern.compile("(?<![\\d.'“])(\\d+(\\.\\d+)?|\\{\\d+[^}]*})%");
        List<String> found = new ArrayList<>(valuesWith(glued, ""));
        found.addAll(chineseValuesWith(glued));
        assertEquals(List.of(), found);
    }

    /** "key: value" of every Chinese label, in every bundle, in which {@code p} finds something. */
    private static List<String> chineseValuesWith(Pattern p) throws IOException {
        return valuesWith(p, "_zh_CN");
    }

    /** "key: value" of every {@code suffix} label ("" English) in which {@code p} finds something. */
    private static List<String> valuesWith(Pattern p, String suffix) throws IOException {
        List<String> found = new ArrayList<>();
        for (String name : I18n.BUNDLES) {
            Properties labels = load(name, suffix);
            for (String k : new TreeSet<>(labels.stringPropertyNames())) {
                if (p.matcher(labels.getProperty(k)).find()) {
                    found.add(k + ": " + labels.getProperty(k));
                }
            }
        }
        return found;
    }

    @Test
    void englishOnAChineseSystemIsEnglish() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals("Debugger", I18n.bundle(Locale.ENGLISH).getString("tab.debugger"));
            assertEquals("调试器", I18n.bundle(Locale.SIMPLIFIED_CHINESE).getString("tab.debugger"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void anyChineseLocaleGetsSimplifiedChineseAndTheRestEnglish() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.supported(Locale.forLanguageTag("zh-TW")));
        assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.supported(Locale.forLanguageTag("zh-Hans-CN")));
        assertEquals(Locale.ENGLISH, I18n.supported(Locale.GERMANY));
        assertEquals(Locale.ENGLISH, I18n.supported(null));
    }

    @Test
    void aLiveBundleSwitchesLanguage() {
        I18n.Live live = I18n.live(Locale.ENGLISH);
        assertEquals("Train", live.getString("tab.train"));
        live.use(Locale.SIMPLIFIED_CHINESE);
        assertEquals("训练", live.getString("tab.train"));
        assertEquals("第 3/10 个迭代周期", I18n.format(live, "training.status", "x", 3, 10, 0, 0, "", "", 0)
                .split(" · ")[1].split("，")[0]);
        assertTrue(live.containsKey("tab.compare"));
    }

    @Test
    void formatFillsArguments() {
        ResourceBundle b = new ResourceBundle() {
            @Override
            protected Object handleGetObject(String k) {
                return "Epoch {0} of {1}";
            }

            @Override
            public java.util.Enumeration<String> getKeys() {
                return java.util.Collections.emptyEnumeration();
            }

            @Override
            public Locale getLocale() {
                return Locale.ENGLISH;
            }
        };
        assertEquals("Epoch 3 of 10", I18n.format(b, "x", 3, 10));
    }
}
