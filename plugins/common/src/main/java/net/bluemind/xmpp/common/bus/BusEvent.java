package net.bluemind.xmpp.common.bus;

import java.util.Map;
import java.util.Optional;

/**
 * One BlueMind notification from the bus (contract section 2): the exchange it came on
 * ({@code bm.system.notifications}, {@code bm.directory.notifications}), its {@code operation}
 * and its string properties.
 */
public record BusEvent(String exchange, String operation, Map<String, String> properties) {

    public static final String SYSTEM = "bm.system.notifications";
    public static final String DIRECTORY = "bm.directory.notifications";

    public BusEvent {
        properties = Map.copyOf(properties);
    }

    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }
}
