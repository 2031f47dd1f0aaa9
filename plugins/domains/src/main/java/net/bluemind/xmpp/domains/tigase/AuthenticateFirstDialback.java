package net.bluemind.xmpp.domains.tigase;

import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import tigase.kernel.beans.Bean;
import tigase.server.Packet;
import tigase.server.xmppserver.CID;
import tigase.server.xmppserver.CIDConnections;
import tigase.server.xmppserver.LocalhostException;
import tigase.server.xmppserver.NotLocalhostException;
import tigase.server.xmppserver.S2SConnectionManager;
import tigase.server.xmppserver.S2SIOService;
import tigase.server.xmppserver.proc.Dialback;
import tigase.xmpp.StanzaType;

/**
 * Tigase's dialback, with the remote server's incoming link marked authenticated <em>before</em> it is told so. When
 * the remote server's key is confirmed ({@code <db:verify type='valid'/>} on the verification connection), stock
 * Tigase 8.4.0 first writes {@code <db:result type='valid'/>} on the incoming link and only then marks that link
 * authenticated for the domain pair. A remote server sends the stanzas it queued the moment it reads {@code valid}
 * (RFC 6120 allows it, Prosody does); read on another thread before the mark, the first one fails Tigase's check
 * ({@code PacketChecker}: "Invalid hostname from the remote server"), Tigase closes the stream with
 * {@code <invalid-from/>} and the stanza is lost without an error to anyone (docs/developers-guide.md, "Known Tigase
 * issues"). This class marks the link first, then lets Tigase do exactly what it did (marking it again changes
 * nothing). Only a {@code valid} answer to a verification this connection asked for does that, as in Tigase.
 * <p>
 * Replaces Tigase's {@code dialback} bean of s2s ({@code s2s/dialback/class} in init.properties).
 */
@Bean(name = "dialback", parent = S2SConnectionManager.class, active = true)
public class AuthenticateFirstDialback extends Dialback {

    private static final Logger log = Logger.getLogger(AuthenticateFirstDialback.class.getName());
    private static final String DIALBACK_NS = "jabber:server:dialback";

    @Override
    public boolean process(Packet p, S2SIOService serv, Queue<Packet> results) {
        if (isValidVerifyAnswer(p) && wasVerifyRequested(serv, p.getStanzaFrom().toString())) {
            authenticateIncomingLink(p, serv);
        }
        return super.process(p, serv, results);
    }

    private static boolean isValidVerifyAnswer(Packet p) {
        String name = p.getElemName();
        return DIALBACK_NS.equals(p.getElement().getXMLNS()) && ("db:verify".equals(name) || "verify".equals(name))
                && p.getType() == StanzaType.valid && p.getStanzaFrom() != null && p.getStanzaTo() != null
                && p.getStanzaId() != null;
    }

    /** What Tigase does after writing {@code valid}, done before: the link is the one whose session id the answer names. */
    private void authenticateIncomingLink(Packet p, S2SIOService serv) {
        CID pair = new CID(p.getStanzaTo().getDomain(), p.getStanzaFrom().getDomain());
        CID main = (CID) serv.getSessionData().get(S2SConnectionManager.CID_KEY);
        try {
            CIDConnections links = handler.getCIDConnections(main != null ? main : pair, true);
            authenticatorSelectorManager.authenticateConnection(p.getStanzaId(), links, pair);
            if (log.isLoggable(Level.FINER)) {
                log.log(Level.FINER, "dialback: link {0} (session {1}) authenticated before <db:result type=''valid''/> is sent",
                        new Object[] {pair, p.getStanzaId()});
            }
        } catch (NotLocalhostException | LocalhostException e) {
            // Tigase's own handling of the same packet reports it (stream error)
        }
    }
}
