package tigase.auth.credentials;

import tigase.db.AuthRepository.AccountStatus;
import tigase.xmpp.jid.BareJID;

/** Declared members: every abstract member (implemented by bm-xmpp) and the nested Entry. */
public interface Credentials {

    String DEFAULT_CREDENTIAL_ID = "default";

    boolean canLogin();

    AccountStatus getAccountStatus();

    Entry getEntryForMechanism(String mechanism);

    Entry getFirst();

    BareJID getUser();

    boolean isAccountDisabled();

    interface Entry {

        String getMechanism();

        boolean verifyPlainPassword(String plain);
    }
}
