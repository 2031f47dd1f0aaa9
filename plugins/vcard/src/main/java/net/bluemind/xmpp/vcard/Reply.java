package net.bluemind.xmpp.vcard;

import java.util.Optional;
import net.bluemind.xmpp.vcard.xml.XmlNode;

/** The engine's answer to one request, for the adapter to turn into a stanza. */
public sealed interface Reply {

    /** An IQ result carrying {@code payload} (or empty). */
    record Result(Optional<XmlNode> payload) implements Reply {
    }

    /** An IQ error with an XMPP condition and a human-readable text. */
    record Error(Condition condition, String text) implements Reply {
    }

    /** The target is not a user of a BlueMind domain: routed the way Tigase routes it. */
    record NotOurs() implements Reply {
    }

    enum Condition {
        ITEM_NOT_FOUND, NOT_ALLOWED, INTERNAL_SERVER_ERROR, BAD_REQUEST, FEATURE_NOT_IMPLEMENTED, SERVICE_UNAVAILABLE
    }
}
