package net.bluemind.xmpp.auth.tigase;

import net.bluemind.xmpp.auth.SaslCondition;
import tigase.auth.XmppSaslException;
import tigase.auth.XmppSaslException.SaslError;

/** The engine's SASL conditions as Tigase's exception, whose message Tigase sends as the failure's text. */
final class SaslErrors {

    private SaslErrors() {
    }

    static XmppSaslException of(SaslCondition condition, String text) {
        SaslError error = switch (condition) {
            case NOT_AUTHORIZED -> SaslError.not_authorized;
            case CREDENTIALS_EXPIRED -> SaslError.credentials_expired;
            case ACCOUNT_DISABLED -> SaslError.account_disabled;
            case TEMPORARY_AUTH_FAILURE -> SaslError.temporary_auth_failure;
            case MALFORMED_REQUEST -> SaslError.malformed_request;
            case INVALID_AUTHZID -> SaslError.invalid_authzid;
        };
        return new XmppSaslException(error, text);
    }
}
