package net.bluemind.xmpp.vcard.tigase;

import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.vcard.Reply;
import net.bluemind.xmpp.vcard.Requester;
import net.bluemind.xmpp.vcard.render.VCard4Renderer;
import tigase.kernel.beans.Bean;
import tigase.server.Packet;
import tigase.server.xmppsession.SessionManager;
import tigase.xmpp.StanzaType;
import tigase.xmpp.impl.annotation.DiscoFeatures;
import tigase.xmpp.impl.annotation.Handle;
import tigase.xmpp.impl.annotation.Handles;
import tigase.xmpp.impl.annotation.Id;

/** Replaces Tigase's {@code vcard-xep-0292} bean: XEP-0292 vCard4 answered from the same directory data. */
@Id(VCard4Renderer.XMLNS)
@Handles({@Handle(path = {"iq", "vcard"}, xmlns = VCard4Renderer.XMLNS)})
@DiscoFeatures({VCard4Renderer.XMLNS})
@Bean(name = "vcard-xep-0292", parent = SessionManager.class, active = true)
public class BlueMindVCard4 extends DirectoryIqProcessor {

    private static final Logger LOG = Logger.getLogger(BlueMindVCard4.class.getName());

    @Override
    protected Reply decide(Packet packet, String target, Requester requester) {
        VCardRuntime r;
        try {
            r = VCardRuntime.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "vcard plugin cannot start its engine", e);
            return new Reply.Error(Reply.Condition.INTERNAL_SERVER_ERROR, "the BlueMind vCard service is not running");
        }
        return packet.getType() == StanzaType.set ? r.requests.set() : r.requests.vcard4(target, requester);
    }
}
