package net.bluemind.xmpp.vcard.xml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlNodeTest {

    static final String AWKWARD = "<b>Tom & \"Jerry\" 'Co'</b> ]]> \u0000\u0001\u0007\u000B\u001F\uFFFE\uFFFF\uD800x"
            + "\uDC00y \t tab\nline 😀 é";
    static final String CLEANED = "<b>Tom & \"Jerry\" 'Co'</b> ]]> xy \t tab\nline 😀 é";

    @Test
    void cleanDropsWhatXmlCannotCarryAndKeepsTheRest() {
        assertThat(XmlText.clean(AWKWARD)).isEqualTo(CLEANED);
        assertThat(XmlText.clean(null)).isEmpty();
        assertThat(XmlText.clean("plain")).isSameAs("plain");
    }

    @Test
    void writerOutputParsesBackToTheCleanedText() {
        XmlNode root = XmlNode.root("vCard", "vcard-temp").attr("a", AWKWARD);
        root.child("NOTE").text(AWKWARD);
        String xml = root.toString();

        assertThat(xml).doesNotContain("\u0000").contains("&lt;b&gt;").contains("&amp;");
        Xml parsed = Xml.parse(xml, "vcard-temp");
        assertThat(parsed.text("/v:vCard/v:NOTE")).isEqualTo(CLEANED);
        assertThat(parsed.text("/v:vCard/@a")).isEqualTo(CLEANED.replace('\t', ' ').replace('\n', ' '));
    }

    @Test
    void escapedTextIsValidAsContentAndAttribute() {
        String esc = XmlText.escape(AWKWARD);
        assertThat(esc).doesNotContain("<b>").doesNotContain("\u0001").doesNotContain("\"");
        Xml parsed = Xml.parse("<r xmlns='x' a=\"" + esc + "\" b='" + esc + "'>" + esc + "</r>", "x");
        assertThat(parsed.text("/v:r")).isEqualTo(CLEANED);
        assertThat(parsed.text("/v:r/@b")).isEqualTo(CLEANED.replace('\t', ' ').replace('\n', ' '));
    }

    @Test
    void textChildSkipsBlankValues() {
        XmlNode n = XmlNode.root("r", "x").textChild("A", "  ").textChild("B", null).textChild("C", "\u0001")
                .textChild("D", " d ");
        assertThat(n.children()).extracting(XmlNode::name).containsExactly("D");
        assertThat(n.find("D").text()).isEqualTo("d");
    }
}
