package net.bluemind.xmpp.common.settings;

/** A setting has a value that cannot be used; the message names the key and the value. */
public class SettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public SettingsException(String key, String value, String expected) {
        super("bm-xmpp setting '" + key + "' has invalid value '" + value + "': expected " + expected);
        this.key = key;
    }

    public SettingsException(String key, String message) {
        super("bm-xmpp setting '" + key + "': " + message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
