package net.bluemind.xmpp.vcard.render;

import java.util.Optional;
import net.bluemind.xmpp.vcard.Contact;
import net.bluemind.xmpp.vcard.xml.XmlNode;

/**
 * The directory's card as PEP items: XEP-0292 ({@code urn:xmpp:vcard4}, one item {@code current} holding the
 * xCard without photo) and XEP-0172 ({@code http://jabber.org/protocol/nick}, one item {@code current}); the
 * pubsub {@code items} answers and the {@code pubsub#event} notifications carrying them.
 */
public final class PepItemRenderer {

    public static final String VCARD4_NODE = "urn:xmpp:vcard4";
    public static final String NICK_NODE = "http://jabber.org/protocol/nick";
    public static final String CURRENT = "current";

    private PepItemRenderer() {
    }

    /** The payload of {@code node}'s current item, empty when the card has nothing for it (no name at all). */
    public static Optional<XmlNode> payload(String node, Contact c) {
        if (VCARD4_NODE.equals(node)) {
            return Optional.of(VCard4Renderer.withoutPhoto(c));
        }
        if (NICK_NODE.equals(node)) {
            String nick = nickname(c);
            return nick.isEmpty() ? Optional.empty() : Optional.of(XmlNode.root("nick", NICK_XMLNS).text(nick));
        }
        return Optional.empty();
    }

    /** XEP-0172 nickname: the address book's nickname, else the display name. */
    public static String nickname(Contact c) {
        return c.nickname().isEmpty() ? c.formattedName() : c.nickname();
    }

    /**
     * Answer to an items request on {@code node}; empty when the item asked for (or any item) does not exist.
     *
     * @param requestedId the {@code <item id>} asked for, or null for the current one
     */
    public static Optional<XmlNode> items(String node, Contact c, String requestedId) {
        if (requestedId != null && !CURRENT.equals(requestedId)) {
            return Optional.empty();
        }
        return payload(node, c).map(p -> {
            XmlNode pubsub = XmlNode.root("pubsub", AvatarRenderer.PUBSUB_XMLNS);
            pubsub.child("items").attr("node", node).child("item").attr("id", CURRENT).add(p);
            return pubsub;
        });
    }

    /** The {@code <event>} subscribers get when {@code node}'s item changes. */
    public static Optional<XmlNode> event(String node, Contact c) {
        return payload(node, c).map(p -> {
            XmlNode event = XmlNode.root("event", AvatarRenderer.EVENT_XMLNS);
            event.child("items").attr("node", node).child("item").attr("id", CURRENT).add(p);
            return event;
        });
    }

    private static final String NICK_XMLNS = NICK_NODE;
}
