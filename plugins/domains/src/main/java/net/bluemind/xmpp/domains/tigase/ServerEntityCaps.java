package net.bluemind.xmpp.domains.tigase;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.domains.caps.DiscoInfo;
import net.bluemind.xmpp.domains.caps.EntityCaps;
import tigase.server.MessageRouter;
import tigase.xml.Element;
import tigase.xml.XMLUtils;
import tigase.xmpp.XMPPIOService;
import tigase.xmpp.impl.PresenceCapabilitiesManager;
import tigase.xmpp.jid.JID;

/**
 * The server's XEP-0115 capabilities in a client's stream features, well-formed: Tigase 8.4.0 writes the hash name
 * {@code SHA-1} where XEP-0115 says {@code sha-1} ({@code PresenceCapabilitiesManager.HASH_ALGORITHM}), and hashes
 * the domain's disco#info as {@code MessageRouter.getDiscoInfo} builds it, where
 * {@code http://jabber.org/protocol/commands} comes twice (the router's own and the session manager's
 * {@code JabberIqCommand}); a client that verifies the {@code ver} (Smack, slixmpp) refuses it, Psi logs "Illegal caps
 * info" (docs/developers-guide.md, "Known Tigase issues"). Called by the c2s classes from Tigase's own stream-features
 * hook: the {@code <c/>} Tigase put in gets {@code hash='sha-1'} and the {@code ver} {@link EntityCaps} computes over
 * the same disco#info without repeats, which is what the domain answers ({@link DistinctDiscoFeatures}); the node
 * {@code node#ver} is registered with Tigase so that the router answers disco#info there. Features without a
 * {@code <c/>} are left alone; a {@code <c/>} that cannot be recomputed is removed rather than left ill-formed.
 */
final class ServerEntityCaps {

    static final String CAPS_XMLNS = "http://jabber.org/protocol/caps";
    private static final String DATA_XMLNS = "jabber:x:data";
    private static final Logger LOG = Logger.getLogger(ServerEntityCaps.class.getName());

    private ServerEntityCaps() {
    }

    static void fix(MessageRouter router, XMPPIOService<Object> serv, Element features) {
        Element c = features.getChild("c", CAPS_XMLNS);
        if (c == null) {
            return;
        }
        try {
            String user = serv.getUserJid();
            String node = c.getAttributeStaticStr("node");
            if (router == null || user == null || node == null) {
                features.removeChild(c);
                return;
            }
            JID from = JID.jidInstanceNS(user);
            Element disco = router.getDiscoInfo(JID.jidInstanceNS(from.getDomain()), from, null);
            DiscoInfo info = EntityCaps.distinct(read(disco));
            String ver = EntityCaps.ver(info);
            String capsNode = node + "#" + ver;
            if (PresenceCapabilitiesManager.getNodeFeatures(capsNode) == null) {
                PresenceCapabilitiesManager.setNodeFeatures(capsNode, info.features().stream().map(XMLUtils::escape)
                        .toArray(String[]::new));
            }
            c.setAttribute("hash", EntityCaps.HASH);
            c.setAttribute("ver", ver);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "entity caps left out of the stream features", e);
            features.removeChild(c);
        }
    }

    /** A disco#info {@code <query/>} as XEP-0115 reads it (Tigase keeps attribute values and text escaped). */
    static DiscoInfo read(Element query) {
        List<DiscoInfo.Identity> identities = new ArrayList<>();
        List<String> features = new ArrayList<>();
        List<DiscoInfo.Form> forms = new ArrayList<>();
        List<Element> children = query.getChildren();
        for (Element child : children == null ? List.<Element>of() : children) {
            switch (child.getName()) {
                case "identity" -> identities.add(new DiscoInfo.Identity(attr(child, "category"), attr(child, "type"),
                        attr(child, "xml:lang"), attr(child, "name")));
                case "feature" -> features.add(attr(child, "var"));
                case "x" -> {
                    if (DATA_XMLNS.equals(child.getXMLNS())) {
                        forms.add(form(child));
                    }
                }
                default -> {
                    // not hashed
                }
            }
        }
        return new DiscoInfo(identities, features, forms);
    }

    private static DiscoInfo.Form form(Element x) {
        String formType = null;
        List<DiscoInfo.Field> fields = new ArrayList<>();
        List<Element> children = x.getChildren();
        for (Element field : children == null ? List.<Element>of() : children) {
            if (!"field".equals(field.getName())) {
                continue;
            }
            List<String> values = new ArrayList<>();
            List<Element> valueElements = field.getChildren();
            for (Element v : valueElements == null ? List.<Element>of() : valueElements) {
                if ("value".equals(v.getName())) {
                    values.add(v.getCData() == null ? "" : XMLUtils.unescape(v.getCData()));
                }
            }
            String var = attr(field, "var");
            if ("FORM_TYPE".equals(var) && "hidden".equals(field.getAttributeStaticStr("type")) && !values.isEmpty()) {
                formType = values.get(0);
            }
            fields.add(new DiscoInfo.Field(var, values));
        }
        return new DiscoInfo.Form(formType, fields);
    }

    private static String attr(Element e, String name) {
        String v = e.getAttributeStaticStr(name);
        return v == null ? null : XMLUtils.unescape(v);
    }
}
