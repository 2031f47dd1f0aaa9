package net.bluemind.xmpp.auth.fast;

/** What {@link FastTokens#use} found. */
public sealed interface TokenUse {

    /** @param fresh the next token to hand to the client, null when it keeps its own */
    record Accepted(StoredToken token, IssuedToken fresh) implements TokenUse {
    }

    /** @param reason for the server's log only; the client is told nothing more than "invalid token" */
    record Refused(String reason) implements TokenUse {
    }
}
