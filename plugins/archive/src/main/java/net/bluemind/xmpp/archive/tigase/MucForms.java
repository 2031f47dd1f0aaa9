package net.bluemind.xmpp.archive.tigase;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.archive.room.MucFormRepair;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xmpp.StanzaType;

/**
 * Applies {@link MucFormRepair} to a MUC service's data forms: in a disco#info or muc#owner result, an untyped field
 * with several values gets its multi-value type, and a room configuration form without {@code FORM_TYPE} gets
 * {@code http://jabber.org/protocol/muc#roomconfig}. Anything else passes untouched; a failure leaves the packet as
 * it was. Used on the way to local users ({@link MucFormFilter}) and out of our rooms ({@link RoomFormOutFilter}).
 */
final class MucForms {

    private static final Logger LOG = Logger.getLogger(MucForms.class.getName());
    private static final String DATA = "jabber:x:data";
    private static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    private static final String MUC_OWNER = "http://jabber.org/protocol/muc#owner";

    private MucForms() {
    }

    static void repair(Packet p) {
        try {
            if ("iq".equals(p.getElemName()) && p.getType() == StanzaType.result) {
                repair(p.getElement());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "MUC form left as it was", e);
        }
    }

    private static void repair(Element iq) {
        Element disco = iq.getChild("query", DISCO_INFO);
        Element owner = disco == null ? iq.getChild("query", MUC_OWNER) : null;
        Element query = disco != null ? disco : owner;
        if (query == null || query.getChildren() == null) {
            return;
        }
        for (Element form : query.getChildren()) {
            if ("x".equals(form.getName()) && DATA.equals(form.getXMLNS()) && form.getChildren() != null) {
                typeMultiValueFields(form);
                if (owner != null && "form".equals(form.getAttributeStaticStr("type"))) {
                    addRoomConfigFormType(form);
                }
            }
        }
    }

    private static void typeMultiValueFields(Element form) {
        for (Element field : form.getChildren()) {
            if ("field".equals(field.getName()) && field.getAttributeStaticStr("type") == null) {
                String type = MucFormRepair.typeFor(field.getAttributeStaticStr("var"), values(field));
                if (type != null) {
                    field.setAttribute("type", type);
                }
            }
        }
    }

    private static int values(Element field) {
        int n = 0;
        if (field.getChildren() != null) {
            for (Element c : field.getChildren()) {
                n += "value".equals(c.getName()) ? 1 : 0;
            }
        }
        return n;
    }

    /** FORM_TYPE goes first (XEP-0068): the form's children are put back after it. */
    private static void addRoomConfigFormType(Element form) {
        List<Element> children = new ArrayList<>(form.getChildren());
        for (Element c : children) {
            if ("field".equals(c.getName()) && "FORM_TYPE".equals(c.getAttributeStaticStr("var"))) {
                return;
            }
        }
        children.forEach(form::removeChild);
        Element formType = new Element("field", new String[] {"var", "type"}, new String[] {"FORM_TYPE", "hidden"});
        formType.addChild(new Element("value", MucFormRepair.ROOMCONFIG));
        form.addChild(formType);
        children.forEach(form::addChild);
    }
}
