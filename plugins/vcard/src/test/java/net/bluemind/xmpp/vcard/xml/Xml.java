package net.bluemind.xmpp.vcard.xml;

import java.io.StringReader;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Test helper: parses XML with the JDK's namespace-aware DOM parser and queries it with XPath. */
public final class Xml {

    private final Document doc;
    private final XPath xpath;

    private Xml(Document doc, NamespaceContext ns) {
        this.doc = doc;
        this.xpath = XPathFactory.newInstance().newXPath();
        if (ns != null) {
            xpath.setNamespaceContext(ns);
        }
    }

    /** Parses (fails the test on malformed XML); prefix {@code v} is bound to {@code xmlns}. */
    public static Xml parse(String xml, String xmlns) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            return new Xml(d, new NamespaceContext() {
                public String getNamespaceURI(String prefix) {
                    return "v".equals(prefix) ? xmlns : null;
                }

                public String getPrefix(String uri) {
                    return null;
                }

                public java.util.Iterator<String> getPrefixes(String uri) {
                    return null;
                }
            });
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e + "\n" + xml, e);
        }
    }

    public String text(String path) {
        try {
            return (String) xpath.evaluate(path, doc, XPathConstants.STRING);
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    public int count(String path) {
        try {
            return ((NodeList) xpath.evaluate(path, doc, XPathConstants.NODESET)).getLength();
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    public String rootNamespace() {
        return doc.getDocumentElement().getNamespaceURI();
    }
}
