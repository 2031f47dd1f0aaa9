package tigase.xml;

/**
 * Declared members: only those bm-xmpp uses. Tigase keeps CData and attribute values XML-escaped:
 * callers escape what they put in.
 */
public class Element implements XMLNodeIfc<Element> {

    public Element(String argName) {
        throw new UnsupportedOperationException();
    }

    public Element(String argName, String argCData) {
        throw new UnsupportedOperationException();
    }

    public Element(String argName, String[] att_names, String[] att_values) {
        throw new UnsupportedOperationException();
    }

    @SuppressWarnings("rawtypes")
    public void addChild(XMLNodeIfc child) {
        throw new UnsupportedOperationException();
    }

    public String getAttributeStaticStr(String attName) {
        throw new UnsupportedOperationException();
    }

    public String getCData() {
        throw new UnsupportedOperationException();
    }

    public void setCData(String argCData) {
        throw new UnsupportedOperationException();
    }

    public Element getChild(String name) {
        throw new UnsupportedOperationException();
    }

    public Element getChild(String name, String child_xmlns) {
        throw new UnsupportedOperationException();
    }

    public java.util.List<Element> getChildren() {
        throw new UnsupportedOperationException();
    }

    public java.util.Map<String, String> getAttributes() {
        throw new UnsupportedOperationException();
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }

    public String getXMLNS() {
        throw new UnsupportedOperationException();
    }

    public void setXMLNS(String ns) {
        throw new UnsupportedOperationException();
    }

    public boolean removeChild(Element child) {
        throw new UnsupportedOperationException();
    }

    public void setAttribute(String key, String value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Element clone() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int compareTo(Element elem) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String toStringSecure() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String toStringPretty() {
        throw new UnsupportedOperationException();
    }
}
