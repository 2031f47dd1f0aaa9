package net.bluemind.xmpp.archive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
 * @param nick       in a room archive, the sender's nick in the room when they said it; null elsewhere (and in
 *                   room messages archived before bm-xmpp kept it)
 * @param fromresource the resource the message was sent from, or null (room messages, messages archived before
 *                   bm-xmpp kept it): MAM gives back the original {@code from}, full JID included (XEP-0313 section 5)
 * @param toresource the resource the message was addressed to, or null when sent to the bare JID
 * <p>
 * Fields it does not know are ignored when a document is read: a newer bm-xmpp node (rolling upgrade) or BlueMind
 * may add some, and one such document must not make every MAM query of its owners fail.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArchivedMessage(String id, long timecreate, String from, String to, String message, List<String> owners,
        String type, String thread, String originid, String nick, String fromresource, String toresource) {

    public ArchivedMessage(String id, long timecreate, String from, String to, String message, List<String> owners,
            String type, String thread, String originid) {
        this(id, timecreate, from, to, message, owners, type, thread, originid, null, null, null);
    }

    public ArchivedMessage(String id, long timecreate, String from, String to, String message, List<String> owners,
            String type, String thread, String originid, String nick) {
        this(id, timecreate, from, to, message, owners, type, thread, originid, nick, null, null);
    }

    public ArchivedMessage withNick(String value) {
        return new ArchivedMessage(id, timecreate, from, to, message, owners, type, thread, originid, value, fromresource,
                toresource);
    }

    public ArchivedMessage withResources(String fromResource, String toResource) {
        return new ArchivedMessage(id, timecreate, from, to, message, owners, type, thread, originid, nick, fromResource,
                toResource);
    }

    /** The sender as the original stanza named it: {@code from}, with {@link #fromresource} when known. */
    public String fullFrom() {
        return fromresource == null ? from : from + "/" + fromresource;
    }

    /** The recipient as the original stanza named it: {@code to}, with {@link #toresource} when known. */
    public String fullTo() {
        return toresource == null ? to : to + "/" + toresource;
    }

    /** The name a room message is shown under: the nick it was said with, else its sender's local part. */
    public String shownNick() {
        if (nick != null && !nick.isBlank()) {
            return nick;
        }
        int at = from.indexOf('@');
        return at < 0 ? from : from.substring(0, at);
    }

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
