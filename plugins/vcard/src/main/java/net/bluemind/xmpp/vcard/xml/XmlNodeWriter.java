package net.bluemind.xmpp.vcard.xml;

import java.io.StringWriter;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Serializes an {@link XmlNode} with the JDK's StAX writer, which does the escaping. */
public final class XmlNodeWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private XmlNodeWriter() {
    }

    public static String toXml(XmlNode node) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
            write(w, node);
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot serialize " + node.name(), e);
        }
        return out.toString();
    }

    private static void write(XMLStreamWriter w, XmlNode node) throws XMLStreamException {
        w.writeStartElement(node.name());
        if (node.xmlns() != null) {
            w.writeDefaultNamespace(node.xmlns());
        }
        for (Map.Entry<String, String> a : node.attributes().entrySet()) {
            w.writeAttribute(a.getKey(), a.getValue());
        }
        if (node.text() != null) {
            w.writeCharacters(node.text());
        }
        for (XmlNode c : node.children()) {
            write(w, c);
        }
        w.writeEndElement();
    }
}
