package net.bluemind.xmpp.calls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;

/**
 * What the calls plugin offers, from the settings {@code turn-*}: the hosts clients reach coturn at (none: the
 * plugin is off and nothing is advertised), its port, the transports, the secret file and the credentials' lifetime.
 */
public record CallsConfig(List<String> hosts, int port, List<Transport> transports, Path secretFile, Duration ttl) {

    public CallsConfig {
        hosts = List.copyOf(hosts);
        transports = List.copyOf(transports);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("credential lifetime must be positive: " + ttl);
        }
    }

    public static CallsConfig from(Settings s) {
        return new CallsConfig(s.get(Keys.TURN_HOSTS), s.get(Keys.TURN_PORT),
                s.get(Keys.TURN_TRANSPORTS).stream().map(Transport::of).toList(), s.get(Keys.TURN_SECRET_FILE),
                s.get(Keys.TURN_CREDENTIAL_TTL));
    }

    /** Off when no host is set: no disco feature, requests answered service-unavailable. */
    public boolean enabled() {
        return !hosts.isEmpty();
    }
}
