package org.lstmlab.ui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers between runs: the language, the zoom, the recently used model files and whether the welcome
 * shows at start. Stored with {@link Preferences} (the registry on Windows, a property list on macOS, {@code ~/.java}
 * on Linux); tests use {@link #inMemory()} so that they neither read nor change the user's settings.
 */
public final class Settings {
    /** How many recent files File ▸ Open Recent lists. */
    public static final int MAX_RECENT = 8;
    private static final String LANGUAGE = "language";
    private static final String ZOOM = "zoom";
    private static final String RECENT = "recent.";
    private static final String WELCOME = "welcome.atStart";

    /** Where the values live. */
    public interface Store {
        String get(String key);

        /** Sets the value; null removes the key. */
        void put(String key, String value);
    }

    private final Store store;

    public Settings(Store store) {
        this.store = store;
    }

    /** The user's settings (the {@code org/lstmlab} user preferences node). */
    public static Settings user() {
        Preferences node = Preferences.userRoot().node("org/lstmlab");
        return new Settings(new Store() {
            @Override
            public String get(String key) {
                return node.get(key, null);
            }

            @Override
            public void put(String key, String value) {
                if (value == null) {
                    node.remove(key);
                } else {
                    node.put(key, value);
                }
                try {
                    node.flush();
                } catch (BackingStoreException e) {
                    // the setting holds for this run; it is not worth interrupting the user
                }
            }
        });
    }

    /** Settings that live as long as the object (tests, screenshots). */
    public static Settings inMemory() {
        Map<String, String> map = new HashMap<>();
        return new Settings(new Store() {
            @Override
            public synchronized String get(String key) {
                return map.get(key);
            }

            @Override
            public synchronized void put(String key, String value) {
                if (value == null) {
                    map.remove(key);
                } else {
                    map.put(key, value);
                }
            }
        });
    }

    /** The language chosen in View ▸ Language, if the user ever chose one. */
    public Optional<Locale> language() {
        String tag = store.get(LANGUAGE);
        return tag == null || tag.isBlank() ? Optional.empty()
                : Optional.of(I18n.supported(Locale.forLanguageTag(tag)));
    }

    public void setLanguage(Locale locale) {
        store.put(LANGUAGE, I18n.supported(locale).toLanguageTag());
    }

    /**
     * The language to start in: {@code --lang} when given, else the one chosen last time, else the system's
     * (Chinese for any Chinese system locale, English otherwise).
     */
    public Locale startLanguage(String langOption, Locale system) {
        if (langOption != null && !langOption.isBlank()) {
            return I18n.supported(Locale.forLanguageTag(langOption));
        }
        return language().orElse(I18n.supported(system));
    }

    /** The zoom in percent chosen last time (a step of {@link Zoom#STEPS}), 100 at first. */
    public int zoom() {
        return Zoom.parse(store.get(ZOOM));
    }

    public void setZoom(int percent) {
        store.put(ZOOM, Integer.toString(Zoom.snap(percent)));
    }

    /** Whether the welcome shows when the app starts: yes until its "Show at start" box is unticked. */
    public boolean welcomeAtStart() {
        return !"false".equals(store.get(WELCOME));
    }

    public void setWelcomeAtStart(boolean show) {
        store.put(WELCOME, Boolean.toString(show));
    }

    /** Recently opened or saved model files, newest first, that still exist as regular files. */
    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String s = store.get(RECENT + i);
            if (s == null) {
                break;
            }
            Path p = Path.of(s);
            if (Files.isRegularFile(p) && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Puts {@code file} first in the recent files (once), keeping at most {@link #MAX_RECENT}. */
    public void addRecentFile(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recentFiles());
        list.remove(abs);
        list.add(0, abs);
        writeRecent(list.subList(0, Math.min(MAX_RECENT, list.size())));
    }

    public void clearRecentFiles() {
        writeRecent(List.of());
    }

    private void writeRecent(List<Path> list) {
        for (int i = 0; i < MAX_RECENT; i++) {
            store.put(RECENT + i, i < list.size() ? list.get(i).toString() : null);
        }
    }
}
