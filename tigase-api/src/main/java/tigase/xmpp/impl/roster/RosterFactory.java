package tigase.xmpp.impl.roster;

/** Declared members: only those bm-xmpp uses. */
public abstract class RosterFactory {

    public static RosterAbstract getRosterImplementation(boolean shared_impl) {
        throw new UnsupportedOperationException();
    }
}
