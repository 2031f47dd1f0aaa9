package net.bluemind.xmpp.calls.tigase;

import java.util.List;
import net.bluemind.xmpp.calls.ExternalService;
import tigase.xml.Element;

/** The engine's services as XEP-0215 XML: {@code <services|credentials xmlns='urn:xmpp:extdisco:2'><service .../>}. */
final class ServicesXml {

    private ServicesXml() {
    }

    static Element render(String wrapper, List<ExternalService> services) {
        Element out = new Element(wrapper);
        out.setXMLNS(ExternalServicesProcessor.XMLNS);
        for (ExternalService s : services) {
            Element e = new Element("service");
            e.setAttribute("type", s.type().xml());
            e.setAttribute("host", s.host());
            e.setAttribute("port", Integer.toString(s.port()));
            e.setAttribute("transport", s.transport().xml());
            if (s.restricted()) {
                e.setAttribute("restricted", "1");
                e.setAttribute("username", s.username());
                e.setAttribute("password", s.password());
                e.setAttribute("expires", s.expires().toString());
            }
            out.addChild(e);
        }
        return out;
    }
}
