package net.bluemind.xmpp.domains.tigase;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.domains.delivery.BareJidRules;
import tigase.server.Packet;
import tigase.server.PacketFilterIfc;
import tigase.server.QueueType;
import tigase.stats.StatisticsList;
import tigase.xml.Element;
import tigase.xmpp.StanzaType;
import tigase.xmpp.jid.JID;

/**
 * The session manager's outgoing filter ({@code sess-man/outgoingFilters/bm-bare-iq-errors/class} in
 * init.properties): an IQ request to a user's bare JID that nothing on the server handles is answered
 * {@code service-unavailable}, as RFC 6121 8.5.2.1.3 says, where Tigase 8.4.0's {@code PacketDefaultHandler} answers
 * {@code feature-not-implemented} ("The feature is not supported yet."; {@link BareJidRules} recognises it). Only
 * the condition changes (type cancel, code 503); every other stanza goes on untouched.
 */
public class BareJidIqErrors implements PacketFilterIfc {

    static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    private static final Logger LOG = Logger.getLogger(BareJidIqErrors.class.getName());

    @Override
    public void init(String name, QueueType qType) {
        // nothing to set up
    }

    @Override
    public Packet filter(Packet packet) {
        try {
            if (!"iq".equals(packet.getElemName()) || packet.getType() != StanzaType.error) {
                return packet;
            }
            JID from = packet.getStanzaFrom();
            Element error = packet.getElement().getChild("error");
            if (from == null || error == null || error.getChildren() == null) {
                return packet;
            }
            Element condition = null;
            String text = null;
            for (Element c : error.getChildren()) {
                if (!STANZAS.equals(c.getXMLNS())) {
                    continue;
                }
                if ("text".equals(c.getName())) {
                    text = c.getCData();
                } else {
                    condition = c;
                }
            }
            if (condition != null && BareJidRules.isUnhandledBareJidIq(condition.getName(), text,
                    from.getLocalpart() != null, from.getResource() != null)) {
                serviceUnavailable(error);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "iq error left as it came", e);
        }
        return packet;
    }

    private static void serviceUnavailable(Element error) {
        List<Element> children = error.getChildren();
        for (Element c : children) {
            error.removeChild(c);
        }
        error.setAttribute("type", "cancel");
        error.setAttribute("code", "503");
        error.addChild(new Element("service-unavailable", new String[] {"xmlns"}, new String[] {STANZAS}));
    }

    @Override
    public void getStatistics(StatisticsList list) {
        // none
    }
}
