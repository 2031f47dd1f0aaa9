package net.bluemind.xmpp.vcard;

/** What the directory says about a bare JID. */
public sealed interface Lookup {

    /** A local directory user, with their contact card. */
    record Found(Contact contact) implements Lookup {
    }

    /** The domain is ours but no (IM-capable) user has that address. */
    record NoSuchUser(String jid) implements Lookup {
    }

    /** The domain is not a BlueMind domain we host: Tigase routes such requests as usual. */
    record NotHosted(String jid) implements Lookup {
    }
}
