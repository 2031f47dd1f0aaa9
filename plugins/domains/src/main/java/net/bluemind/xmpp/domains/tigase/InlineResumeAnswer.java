package net.bluemind.xmpp.domains.tigase;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tigase.xml.Element;

/**
 * Completes the SASL2 success of an inline stream resumption (XEP-0198 inside XEP-0388). Tigase 8.4.0's
 * {@code StreamManagementInline} answers {@code <resumed h='…'/>} without the {@code previd} XEP-0198 requires, and
 * its {@code <authorization-identifier>} names the new connection's random resource although the resumed session
 * stays bound to the old one (it sets the old resource by reflection after the JID was taken): a client that takes
 * its JID from the success, as SASL2 clients do, then believes it has another address than the one its contacts
 * write to (docs/developers-guide.md, "Known Tigase issues"). The old address is the one the connection had when it
 * enabled resumption, remembered here by resumption id (on this node: a resumption elsewhere is refused anyway).
 */
final class InlineResumeAnswer {

    private static final String SM = "urn:xmpp:sm:3";
    private static final Pattern RAW_ENABLED_ID = Pattern.compile("^\\s*<enabled\\s[^>]*\\bid=['\"]([^'\"]+)['\"]");
    /** Resumption id -> the full JID bound then. Sessions that live longer than this lose only the JID repair. */
    private static final Cache<String, String> BOUND = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(Duration.ofDays(1)).build();

    private InlineResumeAnswer() {
    }

    /** Remembers the address of a connection whose resumption was enabled by Bind2, from its SASL2 success. */
    static void rememberBind2(Element success) {
        Element bound = success.getChild("bound", "urn:xmpp:bind:0");
        Element enabled = bound == null ? null : bound.getChild("enabled", SM);
        Element jid = success.getChild("authorization-identifier");
        String id = enabled == null ? null : enabled.getAttributeStaticStr("id");
        if (id != null && jid != null && jid.getCData() != null) {
            BOUND.put(id, jid.getCData());
        }
    }

    /** Remembers the address of a connection whose resumption was enabled by a classic {@code <enable/>}. */
    static void rememberClassic(String rawEnabled, String boundJid) {
        Matcher m = RAW_ENABLED_ID.matcher(rawEnabled);
        if (boundJid != null && m.find() && rawEnabled.contains(SM)) {
            BOUND.put(m.group(1), boundJid);
        }
    }

    /** Adds the previd to the success's {@code <resumed/>} and names the resumed session's address in it. */
    static void complete(Element success, String previd) {
        Element resumed = success.getChild("resumed", SM);
        if (resumed == null || previd == null) {
            return;
        }
        if (resumed.getAttributeStaticStr("previd") == null) {
            resumed.setAttribute("previd", previd);
        }
        String jid = BOUND.getIfPresent(previd);
        Element identifier = success.getChild("authorization-identifier");
        if (jid != null && identifier != null) {
            identifier.setCData(jid);
        }
    }
}
