package tigase.xmpp.impl.roster;

/** Declared members: only those bm-xmpp uses. */
public class RosterElement {

    // Not constructible here: bm-xmpp only reads the elements Tigase parses.
    private RosterElement() {
    }

    public RosterAbstract.SubscriptionType getSubscription() {
        throw new UnsupportedOperationException();
    }
}
