package net.bluemind.xmpp.testkit.core;

/** How tests name a user of the simulator: its item uid, its domain uid and its default email (its JID). */
public record SimulatedUser(String uid, String domainUid, String defaultEmail) {
}
