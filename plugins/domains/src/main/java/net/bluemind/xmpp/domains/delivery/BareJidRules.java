package net.bluemind.xmpp.domains.delivery;

/**
 * What RFC 6121 section 8.5.2 says a server does with a stanza addressed to a local user's bare JID, where Tigase
 * 8.4.0 does otherwise:
 * <ul>
 * <li>a message of type {@code groupchat} is not delivered to any resource; the sender gets a
 * {@code service-unavailable} error (8.5.2.1.1, 8.5.2.2.1). Tigase delivered it like a chat message;</li>
 * <li>an IQ request the server cannot answer on the user's behalf gets {@code service-unavailable} (8.5.2.1.3).
 * Tigase's default handler ({@code PacketDefaultHandler}) answered {@code feature-not-implemented}, with the text
 * {@value #TIGASE_DEFAULT_TEXT}.</li>
 * </ul>
 */
public final class BareJidRules {

    /** The text of the error Tigase's default handler gives an IQ to a bare JID nobody handles. */
    public static final String TIGASE_DEFAULT_TEXT = "The feature is not supported yet.";

    private BareJidRules() {
    }

    /**
     * Whether a stanza a local user sends is a groupchat message to be refused.
     *
     * @param stanza the element name; {@code type} its type attribute (null when absent)
     * @param toHasLocalPart and {@code toHasResource}: the shape of its {@code to}
     * @param toIsUserDomain whether the {@code to}'s domain is one of the server's own domains (not a component's:
     *        a room's address is at the room service, and groupchat to a room is what groupchat is for)
     */
    public static boolean refusesGroupchat(String stanza, String type, boolean toHasLocalPart, boolean toHasResource,
            boolean toIsUserDomain) {
        return "message".equals(stanza) && "groupchat".equals(type) && toHasLocalPart && !toHasResource
                && toIsUserDomain;
    }

    /**
     * Whether an IQ error leaving the server is Tigase's answer on a user's behalf to a request nobody handles, to be
     * given the condition {@code service-unavailable} instead.
     *
     * @param condition the error's condition element name; {@code text} its text (null when none)
     * @param fromHasLocalPart and {@code fromHasResource}: the shape of the error's {@code from} (the request's {@code to})
     */
    public static boolean isUnhandledBareJidIq(String condition, String text, boolean fromHasLocalPart,
            boolean fromHasResource) {
        return "feature-not-implemented".equals(condition) && text != null
                && TIGASE_DEFAULT_TEXT.equals(text.strip()) && fromHasLocalPart && !fromHasResource;
    }
}
