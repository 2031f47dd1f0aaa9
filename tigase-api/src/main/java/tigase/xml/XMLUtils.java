package tigase.xml;

/** Declared members: only those bm-xmpp uses. Element CData is kept escaped; these convert. */
public abstract class XMLUtils {

    public static String escape(String input) {
        throw new UnsupportedOperationException();
    }

    public static String unescape(String input) {
        throw new UnsupportedOperationException();
    }
}
