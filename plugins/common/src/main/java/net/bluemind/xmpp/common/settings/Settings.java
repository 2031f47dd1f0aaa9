package net.bluemind.xmpp.common.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The validated values of every bm-xmpp setting. Built once at start from the raw key/value pairs
 * of init.properties (bean {@code bm-xmpp}); a missing key takes its default, an unknown key or a bad
 * value fails with a {@link SettingsException} naming it.
 */
public final class Settings {

    private final Map<Setting<?>, Object> values;

    private Settings(Map<Setting<?>, Object> values) {
        this.values = values;
    }

    public static Settings defaults() {
        return load(Map.of());
    }

    public static Settings load(Map<String, String> raw) {
        Map<String, Setting<?>> known = Keys.byKey();
        for (String key : new TreeMap<>(raw).keySet()) {
            if (!known.containsKey(key)) {
                throw new SettingsException(key, "unknown setting (known: " + String.join(", ", known.keySet()) + ")");
            }
        }
        Map<Setting<?>, Object> values = new HashMap<>();
        for (Setting<?> s : known.values()) {
            String v = raw.get(s.key());
            values.put(s, s.parse(v == null ? s.defaultValue() : v));
        }
        return new Settings(values);
    }

    /**
     * The settings given as JVM system properties {@code bm-xmpp.<key>}. In a Tigase 8.4 server they come
     * from init.properties lines {@code --bm-xmpp.<key> = value}: Tigase keeps unknown top-level
     * {@code --} keys through its init.properties conversion and sets each as a system property at start.
     */
    public static Settings fromSystemProperties() {
        return load(withPrefix(System.getProperties(), SYSTEM_PROPERTY_PREFIX));
    }

    public static final String SYSTEM_PROPERTY_PREFIX = "bm-xmpp.";

    static Map<String, String> withPrefix(java.util.Properties props, String prefix) {
        Map<String, String> raw = new TreeMap<>();
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                raw.put(name.substring(prefix.length()), props.getProperty(name));
            }
        }
        return raw;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) Objects.requireNonNull(values.get(setting), setting.key());
    }

    /** A copy with one setting changed, for tests and tools. */
    public Settings with(Setting<?> setting, String raw) {
        Map<Setting<?>, Object> copy = new HashMap<>(values);
        copy.put(setting, setting.parse(raw));
        return new Settings(copy);
    }
}
