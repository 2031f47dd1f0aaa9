package net.bluemind.xmpp.common.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a bus message body (contract section 2: a JSON object of string properties, always with
 * {@code operation}) into a {@link BusEvent}. Numbers and booleans are taken as their text; a property
 * holding an object, an array or null is left out (BlueMind never sends one).
 */
final class BusEventParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BusEventParser() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the body */
    static BusEvent parse(String exchange, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("body cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("body is not a JSON object");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                properties.put(f.getKey(), f.getValue().asText());
            }
        }
        String operation = properties.get("operation");
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("no 'operation' property");
        }
        return new BusEvent(exchange, operation, properties);
    }
}
