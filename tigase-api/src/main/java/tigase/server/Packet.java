package tigase.server;

import tigase.xml.Element;
import tigase.xmpp.StanzaType;
import tigase.xmpp.jid.JID;

/** Declared members: only those bm-xmpp uses. */
public class Packet {

    // Not constructible here: the real constructors take server internals no plugin builds.
    private Packet() {
    }

    public static Packet packetInstance(Element elem, JID stanzaFrom, JID stanzaTo) {
        throw new UnsupportedOperationException();
    }

    public Packet copyElementOnly() {
        throw new UnsupportedOperationException();
    }

    public String getElemName() {
        throw new UnsupportedOperationException();
    }

    public Element getElement() {
        throw new UnsupportedOperationException();
    }

    public Priority getPriority() {
        throw new UnsupportedOperationException("declaration only");
    }

    public void setPriority(Priority priority) {
        throw new UnsupportedOperationException("declaration only");
    }

    public void setPacketTo(JID to) {
        throw new UnsupportedOperationException();
    }

    public void setPacketFrom(JID from) {
        throw new UnsupportedOperationException();
    }

    public JID getPacketFrom() {
        throw new UnsupportedOperationException();
    }

    public JID getStanzaFrom() {
        throw new UnsupportedOperationException();
    }

    public String getStanzaId() {
        throw new UnsupportedOperationException();
    }

    public JID getTo() {
        throw new UnsupportedOperationException("declaration only");
    }

    public JID getStanzaTo() {
        throw new UnsupportedOperationException();
    }

    public StanzaType getType() {
        throw new UnsupportedOperationException();
    }

    public void processedBy(String id) {
        throw new UnsupportedOperationException();
    }

    public Packet okResult(final String includeXML, final int originalXML) {
        throw new UnsupportedOperationException();
    }

    public Packet okResult(Element includeXML, int originalXML) {
        throw new UnsupportedOperationException();
    }
}
