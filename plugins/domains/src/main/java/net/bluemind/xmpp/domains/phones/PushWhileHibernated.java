package net.bluemind.xmpp.domains.phones;

import java.util.Collection;
import java.util.function.Predicate;

/**
 * Whether a message reaching a user is worth a push notification now because every session of the user is
 * hibernated: the phone's app is asleep and its connection gone, and only a push wakes it to resume. Tigase 8.4.0
 * notifies only when a message goes to offline storage, i.e. at the end of the hibernation, a minute later or more
 * (docs/developers-guide.md, "Known Tigase issues"); Prosody's mod_cloud_notify and ejabberd's mod_push notify at once.
 * <p>
 * What counts: a chat or normal message with a body, addressed to this user (not one the user sends), while the user
 * has at least one session and all of them are hibernated. Room messages ({@code groupchat}) do not wake a phone,
 * as they do not go to offline storage either; errors and headlines neither. A session that is still connected
 * reads the message itself.
 */
public final class PushWhileHibernated {

    private PushWhileHibernated() {
    }

    /**
     * What the message is, the cheap half of the decision, asked first for every message.
     *
     * @param type the message's type attribute (null: normal)
     * @param hasBody whether it has a {@code <body/>}
     * @param toThisUser whether it is addressed to the user (not sent by the user)
     */
    public static boolean worthWaking(String type, boolean hasBody, boolean toThisUser) {
        boolean chatOrNormal = type == null || "chat".equals(type) || "normal".equals(type);
        return chatOrNormal && hasBody && toThisUser;
    }

    /**
     * Where the user is, asked only for a message worth waking a phone: at least one session, and every one hibernated.
     *
     * @param connectionIds the user's sessions' connection ids
     * @param hibernated whether a connection id is hibernated
     */
    public static boolean allHibernated(Collection<String> connectionIds, Predicate<String> hibernated) {
        return !connectionIds.isEmpty() && connectionIds.stream().allMatch(hibernated);
    }
}
