package net.bluemind.xmpp.archive.capture;

import java.util.List;
import java.util.Objects;

/**
 * What the adapter does to one message, in this order: remove the XEP-0359 stanza-ids claiming an archive only this
 * server may name, archive the message, and, when it was archived, stamp its archive id. Every field may be null
 * (nothing of that kind to do); {@link #NOTHING} leaves the message as it is.
 *
 * @param stripIdsBy           remove every {@code <stanza-id by='...'/>} with this {@code by}: a client or another
 *                             server cannot set ids in the name of a user's or a room's archive here
 * @param keepOnlyArchiveIdsBy remove the stanza-ids with this {@code by} that are not archive ids (the UUID tigase-muc
 *                             adds beside ours on the copies a room of ours reflects)
 * @param archive              the document to write, or null when the message is not archived at this pass
 * @param stampBy              when {@code archive} was stored, add {@code <stanza-id by='stampBy' id='<archive id>'/>};
 *                             null: no id given (the archive holding it is not the recipient's)
 */
public record CapturePlan(String stripIdsBy, String keepOnlyArchiveIdsBy, Archive archive, String stampBy) {

    public static final CapturePlan NOTHING = new CapturePlan(null, null, null, null);

    public CapturePlan {
        if (stampBy != null && archive == null) {
            throw new IllegalArgumentException("an id is stamped only on an archived message");
        }
    }

    /**
     * The document a message becomes, without its archive id and time (given when it is stored).
     *
     * @param stanza the message as archived: for a private message through a room, the occupant address replaced by
     *               the real JID behind it
     * @param type   {@code chat}, {@code normal} (also for no type) or {@code groupchat}
     * @param from   the sender's bare JID
     * @param to     the recipient's bare JID, or the room's
     * @param owners the archives holding it: one or two users of this server, or the room
     */
    public record Archive(Stanza stanza, String type, String from, String to, List<String> owners) {

        public Archive {
            Objects.requireNonNull(stanza, "stanza");
            owners = List.copyOf(owners);
            if (owners.isEmpty()) {
                throw new IllegalArgumentException("an archived message needs at least one owner");
            }
        }
    }
}
