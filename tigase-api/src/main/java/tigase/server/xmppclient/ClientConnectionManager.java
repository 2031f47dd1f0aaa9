package tigase.server.xmppclient;

import tigase.xml.Element;
import tigase.xmpp.XMPPIOService;

/** Declared members: only those bm-xmpp uses. */
public class ClientConnectionManager {

    public ClientConnectionManager() {
    }

    protected XMPPIOService<Object> getXMPPIOServiceInstance() {
        throw new UnsupportedOperationException("declaration only");
    }

    protected boolean addOutPacket(tigase.server.Packet packet) {
        throw new UnsupportedOperationException("declaration only");
    }

    public java.util.Queue<tigase.server.Packet> processSocketData(XMPPIOService<Object> serv) {
        throw new UnsupportedOperationException("declaration only");
    }

    public void xmppStreamClosed(XMPPIOService<Object> serv) {
        throw new UnsupportedOperationException("declaration only");
    }

    protected void preprocessStreamFeatures(XMPPIOService<Object> serv, Element elem_features) {
        throw new UnsupportedOperationException("declaration only");
    }

    protected void processCommand(tigase.server.Packet packet) {
        throw new UnsupportedOperationException("declaration only");
    }

    protected XMPPIOService<Object> getXMPPIOService(tigase.server.Packet p) {
        throw new UnsupportedOperationException("declaration only");
    }
}
