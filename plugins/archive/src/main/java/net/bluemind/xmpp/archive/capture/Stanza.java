package net.bluemind.xmpp.archive.capture;

/**
 * What capture needs to know of a {@code <message/>}, extracted once by the adapter.
 *
 * @param type    the {@code type} attribute, null when absent (meaning {@code normal})
 * @param from    sender JID (full or bare)
 * @param to      recipient JID (full or bare)
 * @param id      the {@code id} attribute, or null
 * @param body    text of {@code <body/>}, null when absent
 * @param thread  text of {@code <thread/>}, or null
 * @param carbon  true when it carries a XEP-0280 {@code <sent/>} or {@code <received/>} copy
 * @param noStore true when it carries a XEP-0334 {@code <no-store/>} or {@code <no-permanent-store/>} hint
 * @param redelivered true when it is the server's own second pass of a message it could not deliver (Tigase hands
 *                    such a message back to its session manager marked {@code <delivery-error/>}): archived on its
 *                    first pass
 */
public record Stanza(String type, String from, String to, String id, String body, String thread, boolean carbon,
        boolean noStore, boolean redelivered) {

    /** A stanza on its first pass. */
    public Stanza(String type, String from, String to, String id, String body, String thread, boolean carbon,
            boolean noStore) {
        this(type, from, to, id, body, thread, carbon, noStore, false);
    }
}
