package net.bluemind.xmpp.vcard.xml;

/**
 * Directory text made safe for XML 1.0: characters XML cannot carry at all (control characters other
 * than tab/newline/carriage return, lone surrogates, U+FFFE/U+FFFF) are dropped, and {@link #escape}
 * turns the markup characters into entities for APIs that expect already-escaped text.
 */
public final class XmlText {

    private XmlText() {
    }

    /** The text without the characters XML 1.0 forbids; never null. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        int len = text.length();
        for (int i = 0; i < len; ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            boolean ok = isXmlChar(cp) && !(n == 1 && Character.isSurrogate((char) cp));
            if (!ok && sb == null) {
                sb = new StringBuilder(len).append(text, 0, i);
            } else if (ok && sb != null) {
                sb.appendCodePoint(cp);
            }
            i += n;
        }
        return sb == null ? text : sb.toString();
    }

    /** {@link #clean} then {@code & < > " '} as entities: valid both as element text and attribute value. */
    public static String escape(String text) {
        String c = clean(text);
        StringBuilder sb = new StringBuilder(c.length() + 16);
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
