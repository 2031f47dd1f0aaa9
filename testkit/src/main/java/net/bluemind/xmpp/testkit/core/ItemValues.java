package net.bluemind.xmpp.testkit.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** BlueMind's {@code ItemValue<T>} envelope around a value. */
final class ItemValues {

    /** A fixed creation date so answers are reproducible: 2024-01-01T00:00:00Z. */
    static final long CREATED = 1_704_067_200_000L;

    private ItemValues() {
    }

    static ObjectNode of(String uid, String displayName, long version, JsonNode value) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("uid", uid);
        item.put("internalId", Math.abs((long) uid.hashCode()));
        item.put("version", version);
        item.put("displayName", displayName);
        item.putNull("externalId");
        item.put("created", CREATED);
        item.put("updated", CREATED + version * 1000);
        item.set("value", value);
        return item;
    }
}
