package tigase.muc.modules;

import tigase.server.Packet;

/**
 * Declared members (tigase-muc 3.4.0): only those bm-xmpp uses, to extend the MUC component's presence module
 * ({@code write} is inherited there from {@code tigase.component.modules.AbstractModule}).
 */
public class PresenceModuleImpl {

    public PresenceModuleImpl() {
    }

    protected void write(Packet packet) {
        throw new UnsupportedOperationException("declaration only");
    }
}
