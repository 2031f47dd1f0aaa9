package net.bluemind.xmpp.vcard.route;

/** What the BlueMind directory says about the bare address a stanza is sent to. */
public sealed interface Address {

    /** A user owns the address; {@code jid} is their JID (default email), the address itself or another one. */
    record Owner(String jid) implements Address {
    }

    /** The domain is a BlueMind domain (or alias) and no user who may use IM has that address. */
    record Nobody() implements Address {
    }

    /** Not a BlueMind domain, or the directory cannot say now (bm-core unreachable, nothing cached). */
    record Unknown() implements Address {
    }

    Address NOBODY = new Nobody();
    Address UNKNOWN = new Unknown();
}
