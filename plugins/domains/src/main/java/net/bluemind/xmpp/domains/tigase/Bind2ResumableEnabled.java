package net.bluemind.xmpp.domains.tigase;

import tigase.xml.Element;

/**
 * Says {@code resume='true'} in the stream management {@code <enabled/>} that Bind2 returns inside a SASL2 success.
 * Tigase 8.4.0's {@code StreamManagementInline} gives the resumption id but never the attribute, which its classic
 * {@code <enabled/>} has; XEP-0198 clients read the attribute to decide whether to resume after a dropped connection,
 * so without it a phone makes a full login each time (docs/developers-guide.md, "Known Tigase issues"). An id is
 * only ever given when resumption was enabled, so the attribute is added exactly then.
 */
final class Bind2ResumableEnabled {

    private static final String SASL2 = "urn:xmpp:sasl:2";
    private static final String BIND2 = "urn:xmpp:bind:0";
    private static final String SM = "urn:xmpp:sm:3";

    private Bind2ResumableEnabled() {
    }

    /** Adds the attribute to {@code element} when it is a SASL2 success whose Bind2 result enabled resumption. */
    static void mark(Element element) {
        if (!"success".equals(element.getName()) || !SASL2.equals(element.getXMLNS())) {
            return;
        }
        Element bound = element.getChild("bound", BIND2);
        Element enabled = bound == null ? null : bound.getChild("enabled", SM);
        if (enabled != null && enabled.getAttributeStaticStr("id") != null
                && enabled.getAttributeStaticStr("resume") == null) {
            enabled.setAttribute("resume", "true");
        }
    }
}
