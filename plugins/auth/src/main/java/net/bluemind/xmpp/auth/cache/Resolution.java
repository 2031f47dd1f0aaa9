package net.bluemind.xmpp.auth.cache;

import net.bluemind.xmpp.auth.Identity;
import net.bluemind.xmpp.auth.SaslCondition;

/** What a login name turned out to be in BlueMind's directory, once its secret was accepted. */
public sealed interface Resolution {

    /** An IM-enabled user. */
    record Allowed(Identity identity) implements Resolution {
    }

    /**
     * A user (or no user) who may not use IM.
     *
     * @param uid the user's uid when one was found, null otherwise (for per-user eviction)
     */
    record Refused(String uid, SaslCondition condition, String text) implements Resolution {
    }
}
