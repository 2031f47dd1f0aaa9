package net.bluemind.xmpp.auth.tigase;

import java.util.Optional;

/**
 * The client's IP from a c2s connection id. Tigase names a connection
 * {@code c2s@host/<local-ip>_<local-port>_<remote-ip>_<remote-port>} (tigase.net.IOService unique id);
 * its own BruteForceLockerBean reads the IP the same way.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static Optional<String> fromConnectionResource(String resource) {
        if (resource == null) {
            return Optional.empty();
        }
        String[] parts = resource.split("_");
        if (parts.length != 4 || parts[2].isEmpty() || "null".equals(parts[2])) {
            return Optional.empty();
        }
        return Optional.of(parts[2]);
    }
}
