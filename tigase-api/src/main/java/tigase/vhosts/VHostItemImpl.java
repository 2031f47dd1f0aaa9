package tigase.vhosts;

import tigase.db.comp.RepositoryItemAbstract;
import tigase.xmpp.jid.JID;

/** Declared members: only those bm-xmpp uses. */
public class VHostItemImpl extends RepositoryItemAbstract implements VHostItem {

    public VHostItemImpl() {
        throw new UnsupportedOperationException();
    }

    public VHostItemImpl(JID vhost) {
        throw new UnsupportedOperationException();
    }

    protected VHostItemExtension initExtension(VHostItemExtension extension) {
        throw new UnsupportedOperationException();
    }

    protected void setExtensionManager(VHostItemExtensionManager extensionManager) {
        throw new UnsupportedOperationException();
    }

    protected void initializeFromDefaults(VHostItemDefaults vhostDefaults) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getKey() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setKey(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JID getVhost() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isEnabled() {
        throw new UnsupportedOperationException();
    }

    public void setEnabled(boolean value) {
        throw new UnsupportedOperationException();
    }

    public void setRegisterEnabled(boolean value) {
        throw new UnsupportedOperationException();
    }

    public void setAnonymousEnabled(boolean value) {
        throw new UnsupportedOperationException();
    }
}
