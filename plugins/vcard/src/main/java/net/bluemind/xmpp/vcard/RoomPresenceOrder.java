package net.bluemind.xmpp.vcard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The order of the children of a presence from a room (XEP-0045) as an occupant's client gets it: the room's
 * {@code <x xmlns='http://jabber.org/protocol/muc#user'>} is the first {@code <x>}.
 * <p>
 * tigase-muc builds an occupant's presence from the presence that occupant sent (its children, where the session
 * manager put the bundle's XEP-0153 stamp {@code <x xmlns='vcard-temp:x:update'>}, or where a client put its own) and
 * appends {@code muc#user} last. Thunderbird reads only the first {@code <x>} of a presence: it never saw status
 * 201 in the self-presence of a room it had just created, never sent the instant-room configuration, and the room
 * stayed locked for everyone else. Moving {@code muc#user} before the first {@code <x>} keeps every child, the
 * occupant's avatar stamp included (Gajim and Conversations show occupants' avatars from it); the other children
 * keep their order. A presence without {@code muc#user} (not from a room) is left alone.
 */
public final class RoomPresenceOrder {

    public static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    private RoomPresenceOrder() {
    }

    /**
     * @param children a presence's child elements, in order
     * @param name an element's name
     * @param xmlns an element's namespace
     * @return the children in the order to send, or null when they already are in it (no {@code muc#user}, or it is
     *         already the first {@code <x>})
     */
    public static <T> List<T> mucUserFirst(List<T> children, Function<? super T, String> name,
            Function<? super T, String> xmlns) {
        int firstX = -1;
        int mucUser = -1;
        for (int i = 0; i < children.size(); i++) {
            T c = children.get(i);
            if (!"x".equals(name.apply(c))) {
                continue;
            }
            if (firstX < 0) {
                firstX = i;
            }
            if (MUC_USER.equals(xmlns.apply(c))) {
                mucUser = i;
                break;
            }
        }
        if (mucUser <= firstX) {
            return null; // none, or already first
        }
        List<T> ordered = new ArrayList<>(children);
        ordered.add(firstX, ordered.remove(mucUser));
        return ordered;
    }
}
