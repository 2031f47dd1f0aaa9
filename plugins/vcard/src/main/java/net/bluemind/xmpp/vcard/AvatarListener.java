package net.bluemind.xmpp.vcard;

import java.util.Optional;

/** Told when the avatar of a user whose presence carries a photo hash has changed (or became known). */
@FunctionalInterface
public interface AvatarListener {

    /**
     * @param jid the user's bare JID
     * @param photo the photo now served, empty when the user has none any more
     */
    void avatarChanged(String jid, Optional<Photo> photo);
}
