package net.bluemind.xmpp.auth.fast;

import java.time.Instant;

/**
 * One issued token as stored: never the token itself, only its {@link HtSha256#verifier verifier} and the
 * server's answer (HMAC(token, "Responder"), which proves the server to the client and logs nobody in).
 *
 * @param uid BlueMind's user uid, what bus events name
 */
public record StoredToken(String uid, String domainUid, String jid, byte[] verifier, byte[] responder,
        Instant issued, Instant expires) {

    boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }
}
