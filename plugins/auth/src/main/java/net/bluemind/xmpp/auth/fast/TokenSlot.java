package net.bluemind.xmpp.auth.fast;

/**
 * What one client (one user-agent id of one login) holds: its current token and, just after a rotation, the
 * previous one, still accepted until the client proves it received the new one (XEP-0484).
 *
 * @param previous null when there is none
 * @param lastCount the highest {@code count} a FAST login with this slot presented (-1: none yet)
 */
public record TokenSlot(StoredToken current, StoredToken previous, long lastCount) {
}
