package net.bluemind.xmpp.auth.tigase;

import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.auth.fast.HtSha256;
import tigase.auth.credentials.Credentials;
import tigase.db.AuthRepository;
import tigase.db.TigaseDBException;
import tigase.db.UserNotFoundException;
import tigase.xmpp.jid.BareJID;

/**
 * Tigase's {@code authRepository} with BlueMind as the only account store: there is no local user database.
 * Credentials are checked by the engine; account administration is refused with a clear error (accounts are
 * managed in BlueMind); counts are answered from the users who logged in through this server.
 * Configured as {@code authRepository { default () { cls = 'net.bluemind.xmpp.auth.tigase.BmAuthRepository' } }}.
 */
public class BmAuthRepository implements AuthRepository {

    private static final Logger LOG = Logger.getLogger(BmAuthRepository.class.getName());
    static final String MANAGED_IN_BLUEMIND = "accounts and passwords are managed in BlueMind, not by the XMPP server";

    private AuthRuntime runtime() throws TigaseDBException {
        try {
            return AuthRuntime.get();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "bm-xmpp auth engine unavailable", e);
            throw new TigaseDBException("bm-xmpp auth engine unavailable: " + e.getMessage(), e);
        }
    }

    @Override
    public Credentials getCredentials(BareJID user, String credentialId) throws TigaseDBException {
        if (user == null || user.getLocalpart() == null) {
            throw new UserNotFoundException("no such account: " + user);
        }
        return new BmCredentials(user, runtime().authenticator);
    }

    @Override
    public boolean isMechanismSupported(String domain, String mechanism) {
        return BmPlainSaslServer.MECHANISM.equals(mechanism) || HtSha256.MECHANISM.equals(mechanism);
    }

    @Override
    public AccountStatus getAccountStatus(BareJID user) {
        return AccountStatus.active; // BlueMind refuses disabled accounts at login, with the right condition
    }

    @Override
    public String getResourceUri() {
        return "bm-core";
    }

    @Override
    public long getActiveUsersCountIn(Duration duration) {
        try {
            return runtime().knownUsers.activeIn(duration);
        } catch (TigaseDBException e) {
            return 0;
        }
    }

    @Override
    public long getUsersCount() {
        try {
            return runtime().knownUsers.count();
        } catch (TigaseDBException e) {
            return 0;
        }
    }

    @Override
    public long getUsersCount(String domain) {
        try {
            return domain == null ? 0 : runtime().knownUsers.count(domain);
        } catch (TigaseDBException e) {
            return 0;
        }
    }

    @Override
    public void loggedIn(BareJID jid) {
        try {
            if (jid != null) {
                runtime().knownUsers.loggedIn(jid.toString());
            }
        } catch (TigaseDBException | RuntimeException e) {
            LOG.log(Level.FINE, "login of " + jid + " not recorded", e);
        }
    }

    @Override
    public void logout(BareJID user) {
        // nothing kept per session
    }

    @Override
    public void addUser(BareJID user, String password) throws TigaseDBException {
        throw new TigaseDBException("cannot add " + user + ": " + MANAGED_IN_BLUEMIND);
    }

    @Override
    public void removeUser(BareJID user) throws TigaseDBException {
        throw new TigaseDBException("cannot remove " + user + ": " + MANAGED_IN_BLUEMIND);
    }

    @Override
    public void setAccountStatus(BareJID user, AccountStatus status) throws TigaseDBException {
        throw new TigaseDBException("cannot set the status of " + user + ": " + MANAGED_IN_BLUEMIND);
    }

    @Override
    @Deprecated
    public void updatePassword(BareJID user, String password) throws TigaseDBException {
        throw new TigaseDBException("cannot change the password of " + user + ": " + MANAGED_IN_BLUEMIND);
    }

    @Override
    public void updateCredential(BareJID user, String credentialId, String password) throws TigaseDBException {
        updatePassword(user, password);
    }

    @Override
    @Deprecated
    public String getPassword(BareJID user) throws TigaseDBException {
        throw new TigaseDBException("the password of " + user + " is not available: " + MANAGED_IN_BLUEMIND);
    }

    @Override
    @Deprecated
    public boolean otherAuth(Map<String, Object> authProps) {
        LOG.warning("pre-8.0 authentication (otherAuth) is not supported: use SASL PLAIN");
        return false;
    }

    @Override
    @Deprecated
    public void queryAuth(Map<String, Object> authProps) {
        // pre-8.0 mechanism discovery: nothing to add, mechanisms come from the SASL factory
    }
}
