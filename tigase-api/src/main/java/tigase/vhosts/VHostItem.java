package tigase.vhosts;

import tigase.db.comp.RepositoryItem;
import tigase.xmpp.jid.JID;

/** Declared members: only those bm-xmpp uses. */
public interface VHostItem extends RepositoryItem, Comparable<VHostItem> {

    String DEF_VHOST_KEY = "default";

    JID getVhost();

    boolean isEnabled();

    void setKey(String domain);

    @Override
    default int compareTo(VHostItem o) {
        throw new UnsupportedOperationException();
    }
}
