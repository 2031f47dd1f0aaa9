package net.bluemind.xmpp.vcard.route;

/** What a stanza is, as far as addressing it to an account matters (RFC 6121 8.5.2). */
public enum StanzaKind {
    /** {@code message} of type chat, normal (or none) or groupchat: something a person wrote. */
    MESSAGE,
    /** {@code message} of type headline: an automatic notification (PEP events, alerts). */
    HEADLINE,
    /** {@code message}, {@code presence} or {@code iq} of type error. */
    ERROR,
    /** {@code iq} get or set: answered by the server on the account's behalf (vCard, PEP, ping, disco). */
    IQ_REQUEST,
    /** {@code iq} result. */
    IQ_RESULT,
    /** {@code presence} subscribe. */
    SUBSCRIBE,
    /** {@code presence} subscribed, unsubscribe, unsubscribed. */
    SUBSCRIPTION_STATE,
    /** {@code presence} probe. */
    PROBE,
    /** {@code presence} available (no type) or unavailable: directed presence. */
    PRESENCE,
    /** Anything else: left alone. */
    OTHER;

    /** The kind of a stanza from its element name and {@code type} attribute (null or empty when absent). */
    public static StanzaKind of(String element, String type) {
        String t = type == null ? "" : type;
        if ("error".equals(t)) {
            return ERROR;
        }
        return switch (element == null ? "" : element) {
            case "message" -> "headline".equals(t) ? HEADLINE : MESSAGE;
            case "iq" -> "get".equals(t) || "set".equals(t) ? IQ_REQUEST : "result".equals(t) ? IQ_RESULT : OTHER;
            case "presence" -> switch (t) {
                case "subscribe" -> SUBSCRIBE;
                case "subscribed", "unsubscribe", "unsubscribed" -> SUBSCRIPTION_STATE;
                case "probe" -> PROBE;
                case "", "unavailable" -> PRESENCE;
                default -> OTHER;
            };
            default -> OTHER;
        };
    }
}
