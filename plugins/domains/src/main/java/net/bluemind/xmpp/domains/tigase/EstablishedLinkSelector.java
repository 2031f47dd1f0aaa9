package net.bluemind.xmpp.domains.tigase;

import java.util.LinkedHashSet;
import java.util.Set;
import tigase.server.Packet;
import tigase.server.xmppserver.S2SConnection;
import tigase.server.xmppserver.S2SIOService;
import tigase.server.xmppserver.S2SRandomSelector;

/**
 * Tigase's choice of the outgoing link a stanza to another server is written on, never a dialback verification
 * connection. Stock Tigase 8.4.0 opens a connection of its own to verify a remote server's dialback key and, when the
 * key is confirmed, counts that connection among the established outgoing links ({@code CIDConnections
 * .streamNegotiationCompleted}) and writes the stanzas waiting for that server on it, just before closing it. The
 * remote server has not authenticated that connection (it only answered a verification there): Prosody drops them
 * ("Unhandled s2sin_unauthed stanza"). It happens every time Tigase opens the first link to a server that has none to
 * Tigase yet: that server's dialback check of Tigase's link goes over a link of its own, which Tigase verifies first
 * (docs/developers-guide.md, "Known Tigase issues"). Here such a connection is never chosen; the stanzas wait for the
 * link being authenticated, as Tigase meant. Everything else is Tigase's random choice.
 * <p>
 * Replaces the class of Tigase's {@code s2sRandomSelector} bean of s2s ({@code s2s/s2sRandomSelector/class} in
 * init.properties).
 */
public class EstablishedLinkSelector extends S2SRandomSelector {

    @Override
    public S2SConnection selectConnection(Packet packet, Set<S2SConnection> outgoing) {
        boolean verifications = false;
        for (S2SConnection c : outgoing) {
            verifications |= isVerification(c);
        }
        if (!verifications) {
            return super.selectConnection(packet, outgoing);
        }
        Set<S2SConnection> links = new LinkedHashSet<>();
        for (S2SConnection c : outgoing) {
            if (!isVerification(c)) {
                links.add(c);
            }
        }
        return super.selectConnection(packet, links);
    }

    private static boolean isVerification(S2SConnection c) {
        S2SIOService serv = c.getS2SIOService();
        return serv != null && serv.isHandshakingOnly();
    }
}
