package tigase.muc.modules;

import tigase.muc.exceptions.MUCException;
import tigase.server.Packet;
import tigase.util.stringprep.TigaseStringprepException;

/**
 * Declared members (tigase-muc 3.4.0): only those bm-xmpp uses, to extend the MUC component's presence module
 * ({@code write} is inherited there from
 * {@code tigase.component.modules.AbstractModule}).
 */
public class PresenceModuleImpl {

    public PresenceModuleImpl() {
    }

    public void process(Packet packet) throws MUCException, TigaseStringprepException {
        throw new UnsupportedOperationException("declaration only");
    }

    protected void write(Packet packet) {
        throw new UnsupportedOperationException("declaration only");
    }
}
