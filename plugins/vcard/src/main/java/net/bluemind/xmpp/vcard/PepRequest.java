package net.bluemind.xmpp.vcard;

/**
 * A pubsub request (XEP-0060/XEP-0163) addressed to a local account, as the adapter parsed it.
 *
 * @param target the account's bare JID
 * @param set true for {@code type='set'} (publish, retract, delete, configure, subscribe...), false for get
 * @param operation the name of the first pubsub child naming a node ({@code items}, {@code publish}, ...), or
 *                  the first child's name when none names a node
 * @param node that child's node, null when none
 * @param itemId for {@code items}: the one {@code <item id>} asked for, null for the current item
 */
public record PepRequest(String target, boolean set, String operation, String node, String itemId) {
}
