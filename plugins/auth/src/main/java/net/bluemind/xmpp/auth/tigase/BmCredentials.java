package net.bluemind.xmpp.auth.tigase;

import java.nio.charset.StandardCharsets;
import net.bluemind.xmpp.auth.Authenticator;
import tigase.auth.credentials.Credentials;
import tigase.db.AuthRepository.AccountStatus;
import tigase.xmpp.jid.BareJID;

/**
 * What {@link BmAuthRepository#getCredentials} hands to Tigase's own PLAIN path (when the bm-xmpp SASL
 * factory is not configured): one entry whose password check asks the engine. That path can only say yes or
 * no, so refusals all become {@code not-authorized}; {@link BmPlainSaslServer} is the path that keeps the
 * right condition.
 */
final class BmCredentials implements Credentials {

    private final BareJID user;
    private final Entry entry;

    BmCredentials(BareJID user, Authenticator authenticator) {
        this.user = user;
        this.entry = new Entry() {
            @Override
            public String getMechanism() {
                return "PLAIN";
            }

            @Override
            public boolean verifyPlainPassword(String plain) {
                if (plain == null) {
                    return false;
                }
                byte[] message = ("\0" + user + "\0" + plain).getBytes(StandardCharsets.UTF_8);
                return authenticator.authenticate(message, user.getDomain(), null).succeeded();
            }
        };
    }

    @Override
    public boolean canLogin() {
        return true; // BlueMind decides at verification time
    }

    @Override
    public AccountStatus getAccountStatus() {
        return AccountStatus.active;
    }

    @Override
    public Entry getEntryForMechanism(String mechanism) {
        return "PLAIN".equals(mechanism) ? entry : null;
    }

    @Override
    public Entry getFirst() {
        return entry;
    }

    @Override
    public BareJID getUser() {
        return user;
    }

    @Override
    public boolean isAccountDisabled() {
        return false;
    }

    @Override
    public String toString() {
        return "BmCredentials[" + user + "]";
    }
}
