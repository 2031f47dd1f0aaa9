package net.bluemind.xmpp.common.core;

/** Answer of {@code auth/validate}. Only {@link #PASSWORD} and {@link #TOKEN} grant access. */
public enum ValidationResult {
    PASSWORD, TOKEN, NONE, PASSWORDEXPIRED, ARCHIVED;

    public boolean grantsAccess() {
        return this == PASSWORD || this == TOKEN;
    }
}
