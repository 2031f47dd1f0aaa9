package net.bluemind.xmpp.vcard.tigase;

import java.util.Map;
import net.bluemind.xmpp.vcard.xml.XmlNode;
import net.bluemind.xmpp.vcard.xml.XmlText;
import tigase.xml.Element;

/** Builds Tigase elements from the engine's neutral nodes. Tigase keeps text and attributes escaped, so we escape. */
final class ElementConverter {

    private ElementConverter() {
    }

    static Element toElement(XmlNode node) {
        Element e = new Element(node.name());
        if (node.xmlns() != null) {
            e.setXMLNS(node.xmlns());
        }
        for (Map.Entry<String, String> a : node.attributes().entrySet()) {
            e.setAttribute(a.getKey(), XmlText.escape(a.getValue()));
        }
        if (node.text() != null) {
            e.setCData(XmlText.escape(node.text()));
        }
        for (XmlNode c : node.children()) {
            e.addChild(toElement(c));
        }
        return e;
    }
}
