package net.bluemind.xmpp.auth;

/** A BlueMind user allowed to use IM: its uid, its domain uid and its default email (the JID). */
public record Identity(String uid, String domainUid, String jid) {
}
