package net.bluemind.xmpp.common.settings;

import java.util.Locale;

/** A web page's origin as {@code bm-xmpp.web-origins} lists it and a browser sends it in {@code Origin}. */
public final class WebOrigin {

    private WebOrigin() {
    }

    /** Lower case, without a trailing slash or the scheme's default port (browsers send neither). */
    public static String normalized(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        if (o.startsWith("https://") && o.endsWith(":443")) {
            o = o.substring(0, o.length() - 4);
        } else if (o.startsWith("http://") && o.endsWith(":80")) {
            o = o.substring(0, o.length() - 3);
        }
        return o;
    }
}
