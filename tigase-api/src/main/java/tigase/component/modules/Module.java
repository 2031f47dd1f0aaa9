package tigase.component.modules;

import tigase.component.exceptions.ComponentException;
import tigase.criteria.Criteria;
import tigase.server.Packet;
import tigase.util.stringprep.TigaseStringprepException;

/** Declared members: the whole interface, since bm-xmpp implements it (a module of a kernel-based component). */
public interface Module {

    String[] EMPTY_FEATURES = new String[0];

    default String[] getFeatures() {
        return EMPTY_FEATURES;
    }

    Criteria getModuleCriteria();

    default boolean canHandle(Packet packet) {
        Criteria criteria = getModuleCriteria();
        return criteria != null && criteria.match(packet.getElement());
    }

    void process(final Packet packet) throws ComponentException, TigaseStringprepException;
}
