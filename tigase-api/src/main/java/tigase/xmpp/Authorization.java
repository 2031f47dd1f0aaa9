package tigase.xmpp;

import tigase.server.Packet;

/** Declared members: only those bm-xmpp uses. */
public enum Authorization {
    BAD_REQUEST, CONFLICT, FEATURE_NOT_IMPLEMENTED, FORBIDDEN, INTERNAL_SERVER_ERROR, ITEM_NOT_FOUND, NOT_ACCEPTABLE, NOT_ALLOWED, SERVICE_UNAVAILABLE;

    public Packet getResponseMessage(Packet packet, String text, boolean includeOriginalXML)
            throws PacketErrorTypeException {
        throw new UnsupportedOperationException();
    }
}
