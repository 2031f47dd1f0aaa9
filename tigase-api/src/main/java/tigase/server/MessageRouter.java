package tigase.server;

import tigase.xml.Element;
import tigase.xmpp.jid.JID;

/** Declared members: only those bm-xmpp uses. */
public class MessageRouter {

    public MessageRouter() {
    }

    public Element getDiscoInfo(JID toJid, JID fromJid, String node) {
        throw new UnsupportedOperationException("declaration only");
    }
}
