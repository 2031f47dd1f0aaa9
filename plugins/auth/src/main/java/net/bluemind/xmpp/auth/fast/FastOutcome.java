package net.bluemind.xmpp.auth.fast;

import net.bluemind.xmpp.auth.AuthOutcome;
import net.bluemind.xmpp.auth.Identity;

/** How a FAST login ended. */
public sealed interface FastOutcome {

    /**
     * @param responder HMAC(token, "Responder"), sent as the success's additional data (mutual authentication)
     * @param fresh the next token for the client, null when none
     */
    record Accepted(Identity identity, byte[] responder, IssuedToken fresh) implements FastOutcome {
    }

    record Refused(AuthOutcome.Failure failure) implements FastOutcome {
    }
}
