package net.bluemind.xmpp.vcard.render;

import java.util.Base64;
import java.util.Optional;
import net.bluemind.xmpp.vcard.Photo;
import net.bluemind.xmpp.vcard.xml.XmlNode;

/**
 * The avatar elements: XEP-0153's presence {@code <x xmlns='vcard-temp:x:update'>} and XEP-0084's PEP
 * metadata/data payloads, pubsub answers and {@code pubsub#event} notifications.
 */
public final class AvatarRenderer {

    public static final String UPDATE_XMLNS = "vcard-temp:x:update";
    public static final String METADATA_NODE = "urn:xmpp:avatar:metadata";
    public static final String DATA_NODE = "urn:xmpp:avatar:data";
    public static final String PUBSUB_XMLNS = "http://jabber.org/protocol/pubsub";
    public static final String EVENT_XMLNS = "http://jabber.org/protocol/pubsub#event";

    private AvatarRenderer() {
    }

    /** XEP-0153: {@code <x xmlns='vcard-temp:x:update'><photo>sha1</photo></x>}, empty photo when none. */
    public static XmlNode presenceUpdate(Optional<Photo> photo) {
        XmlNode x = XmlNode.root("x", UPDATE_XMLNS);
        XmlNode p = x.child("photo");
        photo.ifPresent(ph -> p.text(ph.sha1()));
        return x;
    }

    /** XEP-0084 metadata payload; an empty {@code <metadata/>} says the user has no avatar. */
    public static XmlNode metadata(Optional<Photo> photo) {
        XmlNode m = XmlNode.root("metadata", METADATA_NODE);
        photo.ifPresent(p -> m.child("info").attr("bytes", Integer.toString(p.bytes().length)).attr("id", p.sha1())
                .attr("height", Integer.toString(p.height())).attr("width", Integer.toString(p.width()))
                .attr("type", p.mimeType()));
        return m;
    }

    public static XmlNode data(Photo photo) {
        return XmlNode.root("data", DATA_NODE).text(Base64.getEncoder().encodeToString(photo.bytes()));
    }

    /** The id of the current metadata item: the photo's hash, or "current" for the empty metadata. */
    public static String itemId(Optional<Photo> photo) {
        return photo.map(Photo::sha1).orElse("current");
    }

    /**
     * Answer to a pubsub items request on one of the two avatar nodes, or empty when the requested item
     * does not exist (the adapter then answers item-not-found).
     *
     * @param requestedId the {@code <item id>} asked for, or null for "the latest"
     */
    public static Optional<XmlNode> items(String node, Optional<Photo> photo, String requestedId) {
        XmlNode payload;
        if (METADATA_NODE.equals(node)) {
            if (requestedId != null && !requestedId.equals(itemId(photo))) {
                return Optional.empty();
            }
            payload = metadata(photo);
        } else if (DATA_NODE.equals(node)) {
            if (photo.isEmpty() || (requestedId != null && !requestedId.equals(photo.get().sha1()))) {
                return Optional.empty();
            }
            payload = data(photo.get());
        } else {
            return Optional.empty();
        }
        XmlNode pubsub = XmlNode.root("pubsub", PUBSUB_XMLNS);
        pubsub.child("items").attr("node", node).child("item").attr("id", itemId(photo)).add(payload);
        return Optional.of(pubsub);
    }

    /** The {@code <event>} a contact gets when the avatar metadata is published or changes. */
    public static XmlNode metadataEvent(Optional<Photo> photo) {
        XmlNode event = XmlNode.root("event", EVENT_XMLNS);
        event.child("items").attr("node", METADATA_NODE).child("item").attr("id", itemId(photo)).add(metadata(photo));
        return event;
    }
}
