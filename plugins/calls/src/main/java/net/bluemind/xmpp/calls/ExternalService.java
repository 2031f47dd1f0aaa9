package net.bluemind.xmpp.calls;

import java.time.Instant;

/**
 * One XEP-0215 {@code <service/>}: STUN entries carry no credential (username, password and expires null,
 * not restricted); TURN entries are restricted and carry the requester's credential.
 */
public record ExternalService(ServiceType type, String host, int port, Transport transport,
        TurnCredential credential) {

    public boolean restricted() {
        return credential != null;
    }

    public String username() {
        return credential == null ? null : credential.username();
    }

    public String password() {
        return credential == null ? null : credential.password();
    }

    public Instant expires() {
        return credential == null ? null : credential.expires();
    }
}
