package tigase.db;

import java.time.Duration;
import java.util.Map;
import tigase.auth.credentials.Credentials;
import tigase.xmpp.jid.BareJID;

/** Declared members: every abstract member (implemented by bm-xmpp) and the defaults bm-xmpp overrides. */
public interface AuthRepository extends Repository {

    enum AccountStatus {
        active(1),
        disabled(0),
        banned(-5),
        pending(-2),
        system(-1),
        vip(2),
        paid(3),
        spam(-50),
        undefined_active(Integer.MAX_VALUE),
        undefined_inactive(Integer.MIN_VALUE);

        AccountStatus(int value) {
        }

        public boolean isInactive() {
            throw new UnsupportedOperationException();
        }

        public int getValue() {
            throw new UnsupportedOperationException();
        }
    }

    void addUser(BareJID user, String password) throws TigaseDBException;

    AccountStatus getAccountStatus(BareJID user) throws TigaseDBException;

    default Credentials getCredentials(BareJID user, String credentialId) throws TigaseDBException {
        throw new UnsupportedOperationException();
    }

    @Deprecated
    String getPassword(BareJID user) throws TigaseDBException;

    String getResourceUri();

    long getActiveUsersCountIn(Duration duration);

    long getUsersCount();

    long getUsersCount(String domain);

    default boolean isMechanismSupported(String domain, String mechanism) {
        throw new UnsupportedOperationException();
    }

    void loggedIn(BareJID jid) throws TigaseDBException;

    void logout(BareJID user) throws TigaseDBException;

    @Deprecated
    boolean otherAuth(Map<String, Object> authProps) throws TigaseDBException, AuthorizationException;

    @Deprecated
    void queryAuth(Map<String, Object> authProps);

    void removeUser(BareJID user) throws TigaseDBException;

    void setAccountStatus(BareJID user, AccountStatus status) throws TigaseDBException;

    default void updateCredential(BareJID user, String credentialId, String password) throws TigaseDBException {
        throw new UnsupportedOperationException();
    }

    @Deprecated
    void updatePassword(BareJID user, String password) throws TigaseDBException;
}
