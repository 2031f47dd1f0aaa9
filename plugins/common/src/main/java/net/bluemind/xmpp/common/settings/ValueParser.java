package net.bluemind.xmpp.common.settings;

/** Turns a raw setting value into a typed one, throwing {@link IllegalArgumentException} when it is invalid. */
interface ValueParser<T> {

    T parse(String raw);

    /** A short human description of the accepted values, e.g. "a duration like 30s, 10m, 1h". */
    String expected();
}
