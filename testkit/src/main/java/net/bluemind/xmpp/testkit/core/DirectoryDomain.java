package net.bluemind.xmpp.testkit.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A domain of the simulated directory (mutable, guarded by {@link Directory}'s lock). */
final class DirectoryDomain {

    final String uid;
    final String name;
    final boolean global;
    String label;
    String description;
    String defaultAlias;
    List<String> aliases = new ArrayList<>();
    Map<String, String> properties = new LinkedHashMap<>();
    /** {@code GET /api/domains/<uid>/_settings} (e.g. domain.external.url). */
    Map<String, String> settings = new LinkedHashMap<>();
    long version = 1;

    DirectoryDomain(String uid, String name, boolean global) {
        this.uid = uid;
        this.name = name;
        this.global = global;
    }

    /** True when the name is this domain's name, uid or one of its aliases (case-insensitive). */
    boolean answersTo(String nameOrAlias) {
        String n = nameOrAlias.toLowerCase(Locale.ROOT);
        return n.equals(name.toLowerCase(Locale.ROOT)) || n.equals(uid.toLowerCase(Locale.ROOT))
                || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(n));
    }

    ObjectNode toItemValue() {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.put("name", name);
        value.put("label", label);
        value.put("description", description);
        value.put("global", global);
        aliases.forEach(value.putArray("aliases")::add);
        value.put("defaultAlias", defaultAlias);
        ObjectNode props = value.putObject("properties");
        properties.forEach(props::put);
        return ItemValues.of(uid, name, version, value);
    }
}
