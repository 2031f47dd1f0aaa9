package tigase.muc.modules;

import tigase.component.exceptions.ComponentException;
import tigase.server.Packet;

/** Declared members (tigase-muc 3.4.0): only those bm-xmpp uses (process throws MUCException, a ComponentException). */
public class ModeratorModule {

    private ModeratorModule() {
    }

    public void process(Packet element) throws ComponentException {
        throw new UnsupportedOperationException("declaration only");
    }
}
