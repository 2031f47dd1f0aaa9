package net.bluemind.xmpp.common.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** A BlueMind domain. Every non-global domain's name and aliases are XMPP virtual hosts. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Domain(String name, String label, String description, boolean global, List<String> aliases,
        String defaultAlias, Map<String, String> properties) {

    public Domain {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
