package net.bluemind.xmpp.archive.tigase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bluemind.xmpp.archive.mam.XmlElement;
import tigase.xml.Element;
import tigase.xml.XMLUtils;

/** Converts between Tigase's elements (CData kept escaped) and the engine's neutral {@link XmlElement}. */
final class ElementTrees {

    private ElementTrees() {
    }

    static XmlElement toNeutral(Element e) {
        List<XmlElement> children = new ArrayList<>();
        List<Element> tigaseChildren = e.getChildren(); // null when none in tigase-xmltools 4.3
        if (tigaseChildren != null) {
            for (Element c : tigaseChildren) {
                children.add(toNeutral(c));
            }
        }
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        Map<String, String> tigaseAttributes = e.getAttributes(); // null when none
        if (tigaseAttributes != null) {
            tigaseAttributes.forEach((k, v) -> attributes.put(k, XMLUtils.unescape(v)));
        }
        return new XmlElement(e.getName(), attributes, children, XMLUtils.unescape(e.getCData()));
    }

    static Element toTigase(XmlElement x) {
        Element e = new Element(x.name());
        x.attributes().forEach((k, v) -> {
            if (k.equals("xmlns")) {
                e.setXMLNS(v);
            } else {
                e.setAttribute(k, XMLUtils.escape(v));
            }
        });
        if (x.text() != null) {
            e.setCData(XMLUtils.escape(x.text()));
        }
        for (XmlElement c : x.children()) {
            e.addChild(toTigase(c));
        }
        return e;
    }
}
