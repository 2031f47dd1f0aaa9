package net.bluemind.xmpp.archive.es;

/** The existing archive index maps a field in a way bm-xmpp (or BlueMind) cannot use. */
public final class IncompatibleMappingException extends RuntimeException {

    public IncompatibleMappingException(String message) {
        super(message);
    }
}
