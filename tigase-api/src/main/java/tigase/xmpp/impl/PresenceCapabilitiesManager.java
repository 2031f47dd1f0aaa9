package tigase.xmpp.impl;

/** Declared members: only those bm-xmpp uses. */
public class PresenceCapabilitiesManager {

    public static String[] getNodeFeatures(String capsNode) {
        throw new UnsupportedOperationException("declaration only");
    }

    public static void setNodeFeatures(String capsNode, String[] features) {
        throw new UnsupportedOperationException("declaration only");
    }
}
