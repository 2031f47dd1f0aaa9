package net.bluemind.xmpp.auth.fast;

/** What {@link FastTokens#use} found. */
public sealed interface TokenUse {

    /** @param fresh the next token to hand to the client, null when it keeps its own */
    record Accepted(StoredToken token, IssuedToken fresh) implements TokenUse {
    }

    /**
     * @param reason for the server's log only; the client is told nothing more than "invalid token"
     * @param guess whether it counts as a failed guess for the throttle: yes for a token that matches nothing
     *     (unknown, wrong) or a replayed count; no for the client's genuine token that expired or that BlueMind
     *     revoked, so that the password login a client falls back to on the same stream is not held back
     */
    record Refused(String reason, boolean guess) implements TokenUse {
    }
}
