package tigase.xmpp.impl.roster;

import java.util.EnumSet;
import tigase.db.TigaseDBException;
import tigase.xmpp.NotAuthorizedException;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.jid.JID;

/** Declared members: only those bm-xmpp uses. */
public abstract class RosterAbstract {

    /** Key of the stored roster in the user repository. */
    public static final String ROSTER = "roster";

    public static final EnumSet<SubscriptionType> SUB_FROM = EnumSet.of(SubscriptionType.from,
            SubscriptionType.from_pending_out);

    public static final EnumSet<SubscriptionType> SUB_BOTH = EnumSet.of(SubscriptionType.both);

    public enum SubscriptionType {
        none, none_pending_out, none_pending_in, none_pending_out_in, to, to_pending_in, from, from_pending_out, both,
        remove, none_pre_approved, none_pending_out_pre_approved, to_pre_approved
    }

    public String getBuddiesHash(final XMPPResourceConnection session) {
        throw new UnsupportedOperationException();
    }

    public abstract void setBuddyName(XMPPResourceConnection session, JID buddy, String name)
            throws NotAuthorizedException, TigaseDBException;
}
