package net.bluemind.xmpp.auth;

/** A SASL PLAIN message that does not follow RFC 4616; the message says what is wrong. */
public class MalformedPlainException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedPlainException(String message) {
        super(message);
    }
}
