package net.bluemind.xmpp.archive;

import java.util.List;
import java.util.Objects;

/**
 * One archived message, exactly as stored in Elasticsearch (contract section 3). BlueMind reads
 * {@code id}, {@code timecreate}, {@code from}, {@code to} and {@code message}; the other fields serve MAM.
 *
 * @param id         archive id, also the ES document {@code _id} and the XEP-0359 stanza-id (see {@link ArchiveId})
 * @param timecreate epoch milliseconds when the server archived it
 * @param from       sender's bare JID
 * @param to         recipient's bare JID, or the room's bare JID for groupchat
 * @param message    the body
 * @param owners     bare JIDs whose archive holds it: one or two local users, or the room
 * @param type       {@code chat}, {@code normal} or {@code groupchat}
 * @param thread     the XMPP thread, or null
 * @param originid   the sender's own message id attribute, or null
 */
public record ArchivedMessage(String id, long timecreate, String from, String to, String message, List<String> owners,
        String type, String thread, String originid) {

    public ArchivedMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(type, "type");
        owners = List.copyOf(owners);
        if (owners.isEmpty()) {
            throw new IllegalArgumentException("an archived message needs at least one owner");
        }
    }
}
