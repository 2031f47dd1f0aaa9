package net.bluemind.xmpp.auth;

/**
 * One SASL PLAIN attempt as the server saw it.
 *
 * @param connectionDomain the virtual host the client's stream was opened to (may be null)
 * @param clientIp the client's address, null when unknown (then only the account is throttled)
 */
public record LoginRequest(PlainMessage message, String connectionDomain, String clientIp) {
}
