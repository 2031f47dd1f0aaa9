package net.bluemind.xmpp.auth.fast;

import java.time.Instant;

/** A token as handed to the client once ({@code <token xmlns='urn:xmpp:fast:0' token='…' expiry='…'/>}). */
public record IssuedToken(String token, Instant expiry) {

    @Override
    public String toString() {
        return "IssuedToken[expiry=" + expiry + "]"; // never the token itself (logs)
    }
}
