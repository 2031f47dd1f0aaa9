package tigase.auth;

import javax.security.sasl.SaslException;

/** Declared members: only those bm-xmpp uses. */
public class XmppSaslException extends SaslException {

    private static final long serialVersionUID = 1L;

    public enum SaslError {
        aborted("aborted"),
        account_disabled("account-disabled"),
        credentials_expired("credentials-expired"),
        encryption_required("encryption-required"),
        incorrect_encoding("incorrect-encoding"),
        invalid_authzid("invalid-authzid"),
        invalid_mechanism("invalid-mechanism"),
        malformed_request("malformed-request"),
        mechanism_too_weak("mechanism-too-weak"),
        not_authorized("not-authorized"),
        temporary_auth_failure("temporary-auth-failure");

        SaslError(String elementName) {
        }

        public String getElementName() {
            throw new UnsupportedOperationException();
        }
    }

    public XmppSaslException(SaslError saslError) {
        throw new UnsupportedOperationException();
    }

    public XmppSaslException(SaslError saslError, String detail) {
        throw new UnsupportedOperationException();
    }

    public SaslError getSaslError() {
        throw new UnsupportedOperationException();
    }
}
