package net.bluemind.xmpp.common.settings;

/**
 * Which other XMPP servers this one federates with (setting {@code federation}): every one, none, or only the
 * domains of {@code federation-allowed-domains} and their subdomains.
 */
public enum FederationMode {
    /** Any server (the default). */
    ON,
    /** No server: every server-to-server stream is refused and nothing is sent to another server. */
    OFF,
    /** Only the domains of {@code federation-allowed-domains} and their subdomains. */
    ALLOW_LIST
}
