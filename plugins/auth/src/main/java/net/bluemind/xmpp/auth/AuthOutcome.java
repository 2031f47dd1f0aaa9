package net.bluemind.xmpp.auth;

/** How a login attempt ended: the JID to bind, or the SASL condition and a human text. */
public sealed interface AuthOutcome {

    /** Where the decision came from. */
    enum Source {
        /** bm-core answered {@code auth/validate}. */
        CORE,
        /** A still-valid cached verification of the same secret, bm-core not asked. */
        CACHE,
        /** As CACHE, while bm-core is known to be unreachable (auth-offline-login). */
        OFFLINE
    }

    /**
     * @param jid the user's default email: the bare JID the session is bound to
     * @param login the typed login, normalised ({@code local@domain}): what a FAST token is issued to
     */
    record Success(String jid, Identity identity, Source source, String login) implements AuthOutcome {
    }

    record Failure(SaslCondition condition, String text) implements AuthOutcome {
    }

    default boolean succeeded() {
        return this instanceof Success;
    }

    static Failure fail(SaslCondition condition, String text) {
        return new Failure(condition, text);
    }
}
