package net.bluemind.xmpp.auth;

/** The RFC 6120 SASL failure conditions a login can end with. */
public enum SaslCondition {
    NOT_AUTHORIZED("not-authorized"),
    CREDENTIALS_EXPIRED("credentials-expired"),
    ACCOUNT_DISABLED("account-disabled"),
    TEMPORARY_AUTH_FAILURE("temporary-auth-failure"),
    MALFORMED_REQUEST("malformed-request"),
    INVALID_AUTHZID("invalid-authzid");

    private final String elementName;

    SaslCondition(String elementName) {
        this.elementName = elementName;
    }

    /** The element name of the condition inside {@code <failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>}. */
    public String elementName() {
        return elementName;
    }
}
