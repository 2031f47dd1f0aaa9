package net.bluemind.xmpp.vcard.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A neutral XML element (name, optional namespace, attributes, children, text) built by the engine.
 * Text and attribute values are held unescaped but already {@link XmlText#clean cleaned}; the Tigase
 * adapter turns a node into a {@code tigase.xml.Element}, tests serialize it with {@link XmlNodeWriter}.
 */
public final class XmlNode {

    private final String name;
    private final String xmlns;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlNode> children = new ArrayList<>();
    private String text;

    private XmlNode(String name, String xmlns) {
        this.name = Objects.requireNonNull(name);
        this.xmlns = xmlns;
    }

    /** An element that declares its own namespace. */
    public static XmlNode root(String name, String xmlns) {
        return new XmlNode(name, Objects.requireNonNull(xmlns));
    }

    /** An element in its parent's namespace. */
    public static XmlNode of(String name) {
        return new XmlNode(name, null);
    }

    /** Appends and returns a new child in this element's namespace. */
    public XmlNode child(String childName) {
        XmlNode c = new XmlNode(childName, null);
        children.add(c);
        return c;
    }

    /** Appends a child carrying {@code value}, unless the value is null or blank once cleaned. */
    public XmlNode textChild(String childName, String value) {
        String v = XmlText.clean(value).strip();
        if (!v.isEmpty()) {
            child(childName).text(v);
        }
        return this;
    }

    public XmlNode add(XmlNode child) {
        children.add(Objects.requireNonNull(child));
        return this;
    }

    public XmlNode attr(String attrName, String value) {
        attributes.put(attrName, XmlText.clean(value));
        return this;
    }

    public XmlNode text(String value) {
        this.text = value == null ? null : XmlText.clean(value);
        return this;
    }

    public String name() {
        return name;
    }

    /** The namespace this element declares, or null when it inherits its parent's. */
    public String xmlns() {
        return xmlns;
    }

    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public List<XmlNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** The text content, or null. */
    public String text() {
        return text;
    }

    /** The first direct child with that name, or null. */
    public XmlNode find(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return XmlNodeWriter.toXml(this);
    }
}
