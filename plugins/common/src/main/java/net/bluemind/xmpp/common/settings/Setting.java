package net.bluemind.xmpp.common.settings;

import java.util.Objects;

/**
 * One bm-xmpp setting: its key (as written in init.properties under the {@code bm-xmpp} bean),
 * its default, a one-line description and the parser that validates a raw value.
 */
public final class Setting<T> {

    private final String key;
    private final String defaultValue;
    private final String description;
    private final ValueParser<T> parser;

    Setting(String key, String defaultValue, String description, ValueParser<T> parser) {
        this.key = Objects.requireNonNull(key);
        this.defaultValue = Objects.requireNonNull(defaultValue);
        this.description = Objects.requireNonNull(description);
        this.parser = Objects.requireNonNull(parser);
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** What a valid value looks like, for error messages and generated docs. */
    public String expected() {
        return parser.expected();
    }

    T parse(String raw) {
        try {
            return parser.parse(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new SettingsException(key, raw, parser.expected() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
