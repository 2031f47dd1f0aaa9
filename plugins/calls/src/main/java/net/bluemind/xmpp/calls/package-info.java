/**
 * XEP-0215 External Service Discovery for audio/video calls: the STUN and TURN services of a coturn run beside
 * bm-xmpp, with TURN credentials made per request from the secret shared with coturn (the TURN REST scheme,
 * coturn's {@code use-auth-secret}): username {@code <expiry unix seconds>:<bare JID>}, password
 * {@code base64(HMAC-SHA1(secret, username))}. No Tigase type here: the adapter is in {@code .tigase}.
 */
package net.bluemind.xmpp.calls;
