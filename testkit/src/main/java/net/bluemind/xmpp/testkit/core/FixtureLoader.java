package net.bluemind.xmpp.testkit.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a fixture (default: the {@code fixture/bm-core.json} resource) into a {@link Directory}.
 * A fixture that does not follow the expected shape fails with a message naming the entry and field.
 */
final class FixtureLoader {

    static final String DEFAULT_RESOURCE = "/fixture/bm-core.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Loaded(String apiToken, Directory directory) {
    }

    private FixtureLoader() {
    }

    static Loaded defaultFixture() {
        try (InputStream in = FixtureLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the testkit jar");
            }
            return load(JSON.readTree(in), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    static Loaded fromFile(Path file) {
        try {
            return load(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bm-core fixture " + file, e);
        }
    }

    private static Loaded load(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": a fixture is a JSON object");
        }
        Directory dir = new Directory();
        root.path("locator").fields().forEachRemaining(e -> dir.locations.put(e.getKey(), texts(e.getValue())));
        for (JsonNode d : root.path("domains")) {
            DirectoryDomain dom = domain(d, source);
            dir.domains.put(dom.uid, dom);
        }
        for (JsonNode u : root.path("users")) {
            DirectoryUser user = user(u, source);
            if (!dir.domains.containsKey(user.domainUid)) {
                throw new IllegalArgumentException(source + ": user " + user.uid + " is in unknown domain " + user.domainUid);
            }
            dir.users.add(user);
        }
        return new Loaded(required(root, "apiToken", source), dir);
    }

    private static DirectoryDomain domain(JsonNode d, String source) {
        String name = required(d, "name", source);
        DirectoryDomain dom = new DirectoryDomain(d.path("uid").asText(name), name, d.path("global").asBoolean(false));
        dom.label = d.path("label").asText(name);
        dom.description = d.path("description").asText("");
        dom.aliases.addAll(texts(d.path("aliases")));
        dom.defaultAlias = d.path("defaultAlias").asText(name);
        d.path("properties").fields().forEachRemaining(e -> dom.properties.put(e.getKey(), e.getValue().asText()));
        return dom;
    }

    private static DirectoryUser user(JsonNode u, String source) {
        String uid = required(u, "uid", source);
        String where = source + ": user " + uid;
        DirectoryUser user = new DirectoryUser(uid, required(u, "domain", where), required(u, "login", where));
        user.password = required(u, "password", where);
        JsonNode state = u.path("state");
        user.archived = state.path("archived").asBoolean(false);
        user.passwordExpired = state.path("passwordExpired").asBoolean(false);
        user.system = state.path("system").asBoolean(false);
        user.hidden = state.path("hidden").asBoolean(false);
        for (JsonNode e : u.path("emails")) {
            String address = required(e, "address", where);
            if (address.indexOf('@') <= 0) {
                throw new IllegalArgumentException(where + ": '" + address + "' is not an email address");
            }
            user.emails.add(new DirectoryUser.Email(address, e.path("isDefault").asBoolean(false),
                    e.path("allAliases").asBoolean(false)));
        }
        user.roles.addAll(texts(u.path("roles")));
        if (u.get("vcard") instanceof ObjectNode vcard) {
            user.vcard = vcard;
        }
        JsonNode photo = u.path("photo");
        if (photo.has("corrupt")) {
            user.photo = photo.get("corrupt").asText().getBytes(StandardCharsets.UTF_8);
            user.icon = user.photo;
        } else if (photo.isObject()) {
            user.photo = PngPainter.paint(photo.path("width").asInt(96), photo.path("height").asInt(96),
                    colour(photo.path("colour").asText("#808080"), where), "noise".equals(photo.path("pattern").asText()));
            user.icon = PngPainter.iconOf(user.photo);
        }
        return user;
    }

    private static Color colour(String hex, String where) {
        try {
            return Color.decode(hex);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": photo colour '" + hex + "' is not like #2a6fdb", e);
        }
    }

    private static String required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is missing or not a non-empty string");
        }
        return v.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
