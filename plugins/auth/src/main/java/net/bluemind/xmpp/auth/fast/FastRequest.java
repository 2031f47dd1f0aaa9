package net.bluemind.xmpp.auth.fast;

/**
 * One SASL2 {@code <authenticate mechanism='HT-SHA-256-NONE'>} as the server saw it.
 *
 * @param message the decoded initial response ({@code authcid NUL HMAC})
 * @param agentId the {@code <user-agent id='…'/>}, null when absent (then no token can match)
 * @param fast whether the request carried {@code <fast xmlns='urn:xmpp:fast:0'/>} (no FAST login without it)
 * @param count its {@code count}, null when absent
 * @param invalidate its {@code invalidate='true'}
 * @param wantsFresh a {@code <request-token/>} came with it
 */
public record FastRequest(byte[] message, String connectionDomain, String clientIp, String agentId, boolean fast,
        Long count, boolean invalidate, boolean wantsFresh) {
}
