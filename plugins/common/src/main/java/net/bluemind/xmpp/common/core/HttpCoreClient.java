package net.bluemind.xmpp.common.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.core.CoreException.Kind;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;

/**
 * {@link CoreClient} over HTTP: one JDK {@link HttpClient} (kept-alive connections), Jackson, the
 * connect/read timeouts of the settings, {@code X-BM-ApiKey} from {@code core-token-file} and
 * {@code X-BM-Origin: bm-xmpp}. Statuses: 401/403 REJECTED, 404 empty (NOT_FOUND where an answer is
 * required), 5xx / refused / timeout UNAVAILABLE, anything else or bad JSON BAD_RESPONSE. A call whose
 * connection closes before any answer is sent once more on a new connection (see {@link #send}).
 */
public class HttpCoreClient implements CoreClient {

    static final String ORIGIN = "bm-xmpp";
    private static final Logger LOG = Logger.getLogger(HttpCoreClient.class.getName());
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final JavaType DOMAIN_ITEM = JSON.getTypeFactory().constructParametricType(ItemValue.class, Domain.class);
    private static final JavaType DOMAIN_ITEMS = JSON.getTypeFactory().constructCollectionType(List.class, DOMAIN_ITEM);
    private static final JavaType USER_ITEM = JSON.getTypeFactory().constructParametricType(ItemValue.class, User.class);

    private final HttpClient http;
    private final CoreLocation location;
    private final ApiToken token;
    private final Duration readTimeout;

    public HttpCoreClient(Settings settings) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.get(Keys.CORE_CONNECT_TIMEOUT)).build();
        this.location = new CoreLocation(settings, http);
        this.token = new ApiToken(settings.get(Keys.CORE_TOKEN_FILE));
        this.readTimeout = settings.get(Keys.CORE_READ_TIMEOUT);
    }

    @Override
    public ValidationResult validate(String login, String secret) throws CoreException {
        Call c = post("/auth/validate?login=" + enc(required("login", login)) + "&origin=" + ORIGIN,
                required("secret", secret));
        String answer = c.json(JSON.getTypeFactory().constructType(String.class));
        try {
            return ValidationResult.valueOf(answer);
        } catch (IllegalArgumentException e) {
            throw c.bad("an unknown validation result \"" + answer + "\"", e);
        }
    }

    @Override
    public LoginResponse login(String login, String password) throws CoreException {
        Call c = post("/auth/login?login=" + enc(required("login", login)) + "&origin=" + ORIGIN,
                required("password", password));
        LoginResponse r = c.json(JSON.getTypeFactory().constructType(LoginResponse.class));
        if (r.status() == null) {
            throw c.bad("a login response without status", null);
        }
        return r;
    }

    @Override
    public List<ItemValue<Domain>> domains() throws CoreException {
        Call c = get("/domains");
        List<ItemValue<Domain>> items = c.json(DOMAIN_ITEMS);
        for (ItemValue<Domain> d : items) {
            checkItem(c, d);
        }
        return List.copyOf(items);
    }

    @Override
    public Optional<ItemValue<Domain>> lookupDomain(String nameOrAlias) throws CoreException {
        Call c = get("/domains/_lookup?name=" + enc(required("domain name", nameOrAlias)));
        return optionalItem(c, DOMAIN_ITEM);
    }

    @Override
    public Optional<String> externalUrl() throws CoreException {
        Call c = get("/system/configuration");
        JsonNode values = c.<JsonNode>json(JSON.getTypeFactory().constructType(JsonNode.class)).path("values");
        JsonNode url = values.path("external-url");
        if (url.isMissingNode() || url.isNull()) {
            return Optional.empty();
        }
        if (!url.isTextual()) {
            throw c.bad("an external-url that is not a string", null);
        }
        return Optional.of(url.asText().trim()).filter(u -> !u.isEmpty());
    }

    @Override
    public Map<String, String> domainSettings(String domainUid) throws CoreException {
        Call c = get("/domains/" + enc(required("domainUid", domainUid)) + "/_settings");
        Optional<JsonNode> body = c.optionalJson(JSON.getTypeFactory().constructType(JsonNode.class));
        if (body.isEmpty()) {
            return Map.of();
        }
        if (!body.get().isObject()) {
            throw c.bad("settings that are not a JSON object", null);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        body.get().fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                settings.put(e.getKey(), e.getValue().asText());
            }
        });
        return Map.copyOf(settings);
    }

    @Override
    public Optional<ItemValue<User>> userByEmail(String domainUid, String email) throws CoreException {
        Call c = get(users(domainUid) + "/byEmail/" + enc(required("email", email)));
        return optionalItem(c, USER_ITEM);
    }

    @Override
    public Optional<ItemValue<User>> userByLogin(String domainUid, String login) throws CoreException {
        Call c = get(users(domainUid) + "/byLogin/" + enc(required("login", login)));
        return optionalItem(c, USER_ITEM);
    }

    @Override
    public Set<String> resolvedRoles(String domainUid, String uid) throws CoreException {
        Call c = get(user(domainUid, uid) + "/roles_resolved");
        if (c.status() == 404) {
            throw new CoreException(Kind.NOT_FOUND, "bm-core knows no user " + uid + " in domain " + domainUid
                    + " (GET " + c.uri() + ": HTTP 404)");
        }
        List<String> roles = c.json(JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        if (roles.contains(null)) {
            throw c.bad("a role list holding null", null);
        }
        return Set.copyOf(new LinkedHashSet<>(roles));
    }

    @Override
    public Optional<VCard> vcard(String domainUid, String uid) throws CoreException {
        return get(user(domainUid, uid) + "/vcard").optionalJson(JSON.getTypeFactory().constructType(VCard.class));
    }

    @Override
    public Optional<byte[]> photo(String domainUid, String uid) throws CoreException {
        return get(user(domainUid, uid) + "/photo").optionalBytes();
    }

    @Override
    public Optional<byte[]> icon(String domainUid, String uid) throws CoreException {
        return get(user(domainUid, uid) + "/icon").optionalBytes();
    }

    // --- plumbing ---------------------------------------------------------------------------------

    private static String users(String domainUid) {
        return "/users/" + enc(required("domainUid", domainUid));
    }

    private static String user(String domainUid, String uid) {
        return users(domainUid) + "/" + enc(required("uid", uid));
    }

    private static <T> Optional<ItemValue<T>> optionalItem(Call c, JavaType itemType) throws CoreException {
        Optional<ItemValue<T>> item = c.optionalJson(itemType);
        if (item.isPresent()) {
            checkItem(c, item.get());
        }
        return item;
    }

    private static <T> ItemValue<T> checkItem(Call c, ItemValue<T> item) throws CoreException {
        if (item == null || item.uid() == null || item.value() == null) {
            throw c.bad("an item without uid or value", null);
        }
        return item;
    }

    private Call get(String pathAndQuery) throws CoreException {
        return send("GET", pathAndQuery, HttpRequest.BodyPublishers.noBody());
    }

    /** Logins and secrets travel as a JSON string body. */
    private Call post(String pathAndQuery, String jsonString) throws CoreException {
        try {
            return send("POST", pathAndQuery, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(jsonString)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }

    /**
     * Sends to the bm-core in use. When no connection can be made (the request never reached a server), tries
     * the next configured URL, so one bm-core down is not seen by users while another answers. When the
     * connection closes before any answer (bm-core or a proxy closed a kept-alive connection as it was
     * reused), the request is sent once more on a new connection, POST included (validate and login are
     * safe to repeat). A timeout or an HTTP answer is never sent again (a slow or failing core gets no extra load).
     */
    private Call send(String method, String pathAndQuery, HttpRequest.BodyPublisher body) throws CoreException {
        int urlsLeft = location.addresses();
        // The JDK client itself resends an idempotent request (GET) once when its connection closes before any
        // answer, never a POST: this loop adds that one resend for POST only (KeepAliveRetryTest counts both).
        boolean resent = !"POST".equals(method);
        while (true) {
            try {
                return sendOnce(method, pathAndQuery, body);
            } catch (NoAnswer e) {
                if (e.connected) {
                    if (resent) {
                        throw e.failure;
                    }
                    resent = true;
                    LOG.log(Level.FINE, "bm-core: {0}; sending it again on a new connection", e.failure.getMessage());
                } else if (--urlsLeft <= 0) {
                    throw e.failure;
                }
            }
        }
    }

    /** Nothing was answered: either no connection could be made, or the connection closed before any answer. */
    private static final class NoAnswer extends Exception {
        final CoreException failure;
        final boolean connected;

        NoAnswer(CoreException failure, boolean connected) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
            this.connected = connected;
        }
    }

    private Call sendOnce(String method, String pathAndQuery, HttpRequest.BodyPublisher body)
            throws CoreException, NoAnswer {
        URI uri = URI.create(location.apiBase() + pathAndQuery);
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(readTimeout).method(method, body)
                .header("X-BM-ApiKey", token.get()).header("X-BM-Origin", ORIGIN)
                .header("Content-Type", "application/json").header("Accept", "application/json, image/png").build();
        HttpResponse<byte[]> r;
        try {
            r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            location.forget(uri);
            throw new NoAnswer(unavailable(method, uri, "no connection within the connect timeout (core-connect-timeout)", e), false);
        } catch (HttpTimeoutException e) {
            throw unavailable(method, uri, "no answer within " + readTimeout.toMillis() + "ms (core-read-timeout)", e);
        } catch (ConnectException e) {
            location.forget(uri);
            throw new NoAnswer(unavailable(method, uri, "connection refused or unreachable", e), false);
        } catch (IOException e) {
            if (ClosedConnection.isCauseOf(e)) {
                throw new NoAnswer(unavailable(method, uri, "the connection closed before any answer (" + e + ")", e), true);
            }
            throw unavailable(method, uri, "I/O error: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(method, uri, "interrupted", e);
        }
        Call c = new Call(method, uri, r);
        int s = r.statusCode();
        if (s == 401 || s == 403) {
            token.refused();
            throw new CoreException(Kind.REJECTED, "bm-core refused " + method + " " + uri + ": HTTP " + s + c.errorText()
                    + " (is the token in core-token-file right?)");
        }
        if (s >= 500) {
            throw new CoreException(Kind.UNAVAILABLE, "bm-core failed " + method + " " + uri + ": HTTP " + s + c.errorText());
        }
        return c;
    }

    private static CoreException unavailable(String method, URI uri, String why, Throwable cause) {
        return new CoreException(Kind.UNAVAILABLE, "bm-core unreachable for " + method + " " + uri + ": " + why, cause);
    }

    private static String required(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("bm-core call needs a " + what + ", got " + (value == null ? "null" : "''"));
        }
        return value;
    }

    /** Percent-encodes a path segment or query value (a space is %20, never '+'). */
    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One answered call (status < 500, not 401/403). */
    private record Call(String method, URI uri, HttpResponse<byte[]> response) {

        int status() {
            return response.statusCode();
        }

        <T> T json(JavaType type) throws CoreException {
            if (status() != 200) {
                throw bad("HTTP " + status() + errorText(), null);
            }
            try {
                T value = JSON.readValue(response.body(), type);
                if (value == null) {
                    throw bad("null", null);
                }
                return value;
            } catch (IOException e) {
                throw bad("a body that is not a valid " + type.getRawClass().getSimpleName() + " (" + e.getMessage()
                        .lines().findFirst().orElse("") + ")", e);
            }
        }

        <T> Optional<T> optionalJson(JavaType type) throws CoreException {
            return status() == 404 ? Optional.empty() : Optional.of(json(type));
        }

        Optional<byte[]> optionalBytes() throws CoreException {
            if (status() == 404) {
                return Optional.empty();
            }
            if (status() != 200) {
                throw bad("HTTP " + status() + errorText(), null);
            }
            if (response.body().length == 0) {
                throw bad("an empty body", null);
            }
            return Optional.of(response.body());
        }

        CoreException bad(String what, Throwable cause) {
            return new CoreException(Kind.BAD_RESPONSE, "bm-core answered " + method + " " + uri + " with " + what, cause);
        }

        /** bm-core's error message, when the body is its {@code {errorCode, message}} JSON. */
        String errorText() {
            try {
                JsonNode n = JSON.readTree(response.body());
                if (n != null && n.hasNonNull("message")) {
                    return " (" + n.path("errorCode").asText("") + ": " + n.get("message").asText() + ")";
                }
            } catch (IOException e) {
                // not JSON: nothing to add
            }
            return "";
        }
    }
}
