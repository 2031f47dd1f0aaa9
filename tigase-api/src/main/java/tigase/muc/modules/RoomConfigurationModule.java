package tigase.muc.modules;

import tigase.muc.exceptions.MUCException;
import tigase.server.Packet;

/**
 * Declared members (tigase-muc 3.4.0): only those bm-xmpp uses, to extend the MUC component's owner module
 * ({@code write} is inherited there from {@code tigase.component.modules.AbstractModule}).
 */
public class RoomConfigurationModule {

    public RoomConfigurationModule() {
    }

    public void process(Packet packet) throws MUCException {
        throw new UnsupportedOperationException("declaration only");
    }

    protected void write(Packet packet) {
        throw new UnsupportedOperationException("declaration only");
    }
}
