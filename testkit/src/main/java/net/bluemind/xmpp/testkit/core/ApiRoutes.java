package net.bluemind.xmpp.testkit.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** bm-core's REST calls of contract section 1, answered from the {@link Directory}. */
final class ApiRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Directory dir;

    ApiRoutes(Directory dir) {
        this.dir = dir;
    }

    /** @param path the segments after {@code /api}, already decoded */
    Reply answer(String method, List<String> path, Map<String, String> query, byte[] body) {
        String first = path.isEmpty() ? "" : path.get(0);
        return switch (first) {
            case "auth" -> auth(method, path, query, body);
            case "domains" -> domains(method, path, query);
            case "users" -> users(method, path);
            case "system" -> system(method, path);
            default -> Reply.notFound("API " + String.join("/", path));
        };
    }

    private Reply auth(String method, List<String> path, Map<String, String> query, byte[] body) {
        if (!"POST".equals(method) || path.size() != 2) {
            return Reply.error(405, "METHOD_NOT_ALLOWED", method + " /api/" + String.join("/", path));
        }
        String login = query.get("login");
        if (login == null || login.isBlank()) {
            return Reply.error(400, "INVALID_PARAMETER", "query parameter 'login' is missing");
        }
        String secret;
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isTextual()) {
                return Reply.error(400, "INVALID_PARAMETER", "the body must be the password as a JSON string");
            }
            secret = n.textValue();
        } catch (IOException e) {
            return Reply.error(400, "INVALID_PARAMETER", "the body is not JSON: " + e.getMessage());
        }
        return switch (path.get(1)) {
            case "validate" -> Reply.json(dir.read(d -> validate(d, login, secret)));
            case "login" -> Reply.json(dir.read(d -> login(d, login, secret)));
            default -> Reply.notFound("API auth/" + path.get(1));
        };
    }

    /** PASSWORD/TOKEN only for the right secret; an archived or expired state is told only to the right secret. */
    private static String validate(Directory d, String login, String secret) {
        Optional<DirectoryUser> found = d.userByLatd(login);
        if (found.isEmpty()) {
            return "NONE";
        }
        DirectoryUser u = found.get();
        boolean token = d.isSessionTokenOf(secret, u);
        if (!token && !u.password.equals(secret)) {
            return "NONE";
        }
        if (u.archived) {
            return "ARCHIVED";
        }
        if (token) {
            return "TOKEN";
        }
        return u.passwordExpired ? "PASSWORDEXPIRED" : "PASSWORD";
    }

    private static ObjectNode login(Directory d, String login, String secret) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        String result = validate(d, login, secret);
        switch (result) {
            case "PASSWORD", "TOKEN" -> {
                DirectoryUser u = d.userByLatd(login).orElseThrow();
                r.put("status", "Ok");
                r.put("authKey", d.issueSessionToken(u));
                r.put("latd", u.defaultEmail());
                ObjectNode au = r.putObject("authUser");
                au.put("uid", u.uid);
                au.put("domainUid", u.domainUid);
                au.put("displayName", u.formattedName());
                u.roles.forEach(au.putArray("roles")::add);
                au.set("value", u.toItemValue().get("value"));
            }
            case "PASSWORDEXPIRED" -> r.put("status", "Expired").put("message", "password expired");
            case "ARCHIVED" -> r.put("status", "Bad").put("message", "account is archived");
            default -> r.put("status", "Bad").put("message", "login or password is invalid");
        }
        return r;
    }

    private Reply domains(String method, List<String> path, Map<String, String> query) {
        if (!"GET".equals(method)) {
            return Reply.error(405, "METHOD_NOT_ALLOWED", method + " /api/domains");
        }
        if (path.size() == 1) {
            return Reply.json(dir.read(d -> d.domains.values().stream().map(DirectoryDomain::toItemValue).toList()));
        }
        if (path.size() == 2 && "_lookup".equals(path.get(1))) {
            String name = query.getOrDefault("name", "");
            return dir.read(d -> d.lookupDomain(name).map(x -> Reply.json(x.toItemValue()))
                    .orElseGet(() -> Reply.notFound("domain " + name)));
        }
        if (path.size() == 3 && "_settings".equals(path.get(2))) {
            return dir.read(d -> d.domainByUid(path.get(1)).map(x -> Reply.json(new java.util.LinkedHashMap<>(x.settings)))
                    .orElseGet(() -> Reply.notFound("domain " + path.get(1))));
        }
        if (path.size() == 2) {
            return dir.read(d -> d.domainByUid(path.get(1)).map(x -> Reply.json(x.toItemValue()))
                    .orElseGet(() -> Reply.notFound("domain " + path.get(1))));
        }
        return Reply.notFound("API " + String.join("/", path));
    }

    private Reply system(String method, List<String> path) {
        if (!"GET".equals(method)) {
            return Reply.error(405, "METHOD_NOT_ALLOWED", method + " /api/" + String.join("/", path));
        }
        if (path.size() == 2 && "configuration".equals(path.get(1))) {
            return Reply.json(dir.read(d -> Map.of("values", new java.util.LinkedHashMap<>(d.systemConfiguration))));
        }
        return Reply.notFound("API " + String.join("/", path));
    }

    private Reply users(String method, List<String> path) {
        if (!"GET".equals(method)) {
            return Reply.error(405, "METHOD_NOT_ALLOWED", method + " /api/" + String.join("/", path));
        }
        if (path.size() != 4) {
            return Reply.notFound("API " + String.join("/", path));
        }
        String domainUid = path.get(1);
        String a = path.get(2);
        String b = path.get(3);
        return dir.read(d -> switch (a) {
            case "byEmail" -> item(d.userByEmail(domainUid, b), "user " + b);
            case "byLogin" -> item(d.userByLogin(domainUid, b), "user " + b);
            default -> userPart(d.userByUid(domainUid, a), b, domainUid + "/" + a);
        });
    }

    private static Reply item(Optional<DirectoryUser> u, String what) {
        return u.map(x -> Reply.json(x.toItemValue())).orElseGet(() -> Reply.notFound(what));
    }

    private static Reply userPart(Optional<DirectoryUser> found, String part, String who) {
        if (found.isEmpty()) {
            return Reply.notFound("user " + who);
        }
        DirectoryUser u = found.get();
        return switch (part) {
            case "roles_resolved" -> Reply.json(List.copyOf(u.roles));
            case "vcard" -> Reply.json(u.vcardJson());
            case "photo" -> u.photo == null ? Reply.notFound("photo of " + who) : Reply.png(u.photo);
            case "icon" -> u.icon == null ? Reply.notFound("icon of " + who) : Reply.png(u.icon);
            default -> Reply.notFound("API users/" + who + "/" + part);
        };
    }
}
