package net.bluemind.xmpp.archive.mam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A neutral XML element: what the adapter converts Tigase's elements from and to. {@code xmlns} is kept as
 * an attribute, as XMPP libraries do.
 */
public record XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text) {

    public XmlElement {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    public static XmlElement of(String name, String xmlns) {
        return new XmlElement(name, xmlns == null ? Map.of() : Map.of("xmlns", xmlns), List.of(), null);
    }

    public String xmlns() {
        return attributes.get("xmlns");
    }

    public String attribute(String name) {
        return attributes.get(name);
    }

    /**
     * The first child with this name and namespace; a child without its own xmlns is taken as inheriting it
     * (converted trees carry xmlns only where it was declared).
     */
    public Optional<XmlElement> child(String name, String xmlns) {
        return children.stream().filter(c -> c.name.equals(name) && (c.xmlns() == null || xmlns.equals(c.xmlns())))
                .findFirst();
    }

    public List<XmlElement> children(String name) {
        return children.stream().filter(c -> c.name.equals(name)).toList();
    }

    public XmlElement withAttribute(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> a = new LinkedHashMap<>(attributes);
        a.put(name, value);
        return new XmlElement(this.name, a, children, text);
    }

    public XmlElement withChild(XmlElement child) {
        List<XmlElement> c = new ArrayList<>(children);
        c.add(child);
        return new XmlElement(name, attributes, c, text);
    }

    public XmlElement withText(String value) {
        return new XmlElement(name, attributes, children, value);
    }
}
