package net.bluemind.xmpp.common.settings;

import static net.bluemind.xmpp.common.settings.Parsers.amqpUri;
import static net.bluemind.xmpp.common.settings.Parsers.bool;
import static net.bluemind.xmpp.common.settings.Parsers.contactUris;
import static net.bluemind.xmpp.common.settings.Parsers.domainNames;
import static net.bluemind.xmpp.common.settings.Parsers.duration;
import static net.bluemind.xmpp.common.settings.Parsers.hostNames;
import static net.bluemind.xmpp.common.settings.Parsers.httpUrls;
import static net.bluemind.xmpp.common.settings.Parsers.integer;
import static net.bluemind.xmpp.common.settings.Parsers.oneOf;
import static net.bluemind.xmpp.common.settings.Parsers.optionalUrl;
import static net.bluemind.xmpp.common.settings.Parsers.path;
import static net.bluemind.xmpp.common.settings.Parsers.size;
import static net.bluemind.xmpp.common.settings.Parsers.string;
import static net.bluemind.xmpp.common.settings.Parsers.subsetOf;
import static net.bluemind.xmpp.common.settings.Parsers.webOrigins;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting of the bm-xmpp bundle, in the order the generated init.properties documents them.
 * This list is the single source: init.properties comments, the operator's guide's table and validation come from it.
 */
public final class Keys {

    private static final List<Setting<?>> ALL = new ArrayList<>();

    // --- bm-core ---------------------------------------------------------------------------
    public static final Setting<List<URI>> CORE_URL = add("core-url", "",
            "bm-core base URL, e.g. http://10.0.0.5:8090; several, comma-separated: the next is used when one "
                    + "cannot be reached; empty: host from bm.ini / bm-locator", httpUrls());
    public static final Setting<Path> BM_INI = add("bm-ini", "/etc/bm/bm.ini",
            "BlueMind's bm.ini, read for 'host' and 'locator' when core-url is empty", path());
    public static final Setting<Duration> LOCATOR_CACHE_TTL = add("locator-cache-ttl", "5m",
            "how long a bm-locator answer is reused", duration(Duration.ofSeconds(1)));
    public static final Setting<Integer> LOCATOR_PORT = add("locator-port", "8084",
            "port of bm-locator (on bm.ini's 'locator' host, else its 'host')", integer(1, 65535));
    public static final Setting<Integer> CORE_PORT = add("core-port", "8090",
            "port of bm-core when its host comes from bm.ini / bm-locator", integer(1, 65535));
    public static final Setting<Path> CORE_TOKEN_FILE = add("core-token-file", "/etc/bm/bm-core.tok",
            "file holding the machine API token sent as X-BM-ApiKey", path());
    public static final Setting<Duration> CORE_CONNECT_TIMEOUT = add("core-connect-timeout", "2s",
            "connect timeout of bm-core calls", duration(Duration.ofMillis(50)));
    public static final Setting<Duration> CORE_READ_TIMEOUT = add("core-read-timeout", "5s",
            "time a bm-core call may take before it counts as 'core slow'", duration(Duration.ofMillis(50)));
    public static final Setting<String> DEFAULT_DOMAIN = add("default-domain", "",
            "domain appended to logins without '@' when the connection names none", string());

    // --- message bus -----------------------------------------------------------------------
    public static final Setting<URI> AMQP_URI = add("amqp-uri", "amqp://127.0.0.1:5672",
            "RabbitMQ carrying BlueMind's bm.system/bm.directory notifications", amqpUri());
    public static final Setting<Duration> BUS_RECONNECT_MAX = add("bus-reconnect-max", "30s",
            "longest wait between two reconnection attempts to RabbitMQ (back-off starts at 500ms)",
            duration(Duration.ofMillis(100)));

    // --- auth ------------------------------------------------------------------------------
    public static final Setting<Duration> AUTH_CACHE_TTL = add("auth-cache-ttl", "10m",
            "how long a verified login is remembered (salted hash, never the password)", duration(Duration.ZERO));
    public static final Setting<Integer> AUTH_CACHE_SIZE = add("auth-cache-size", "10000",
            "most remembered logins", integer(0, 10_000_000));
    public static final Setting<Boolean> AUTH_OFFLINE_LOGIN = add("auth-offline-login", "true",
            "let a user with a still-valid cached login in while bm-core is unreachable", bool());
    public static final Setting<Integer> AUTH_THROTTLE_ACCOUNT_FAILURES = add("auth-throttle-account-failures", "5",
            "failed logins of one account before it is locked for auth-throttle-lockout", integer(1, 1000));
    public static final Setting<Integer> AUTH_THROTTLE_IP_FAILURES = add("auth-throttle-ip-failures", "20",
            "failed logins from one client IP before it is locked for auth-throttle-lockout", integer(1, 100_000));
    public static final Setting<Duration> AUTH_THROTTLE_WINDOW = add("auth-throttle-window", "5m",
            "period over which failed logins are counted", duration(Duration.ofSeconds(1)));
    public static final Setting<Duration> AUTH_THROTTLE_DELAY = add("auth-throttle-delay", "1s",
            "cool-down per recent failure (capped at 5 failures' worth) during which further attempts of that account"
                    + " or IP are refused unchecked; an IP cools down only past auth-throttle-account-failures",
            duration(Duration.ZERO));
    public static final Setting<Duration> AUTH_THROTTLE_LOCKOUT = add("auth-throttle-lockout", "15m",
            "how long an account or IP over its failure limit is refused", duration(Duration.ofSeconds(1)));
    public static final Setting<Duration> FAST_TOKEN_TTL = add("fast-token-ttl", "14d",
            "how long a FAST token (XEP-0484) lets a client (phone) log in again without its password and without"
                    + " bm-core; renewed at a login in its second half, revoked by BlueMind's password, role and account"
                    + " events; 0 switches FAST off", duration(Duration.ZERO));

    // --- web clients (BOSH, WebSocket) -------------------------------------------------------
    public static final Setting<List<String>> WEB_ORIGINS = add("web-origins", "",
            "origins (scheme://host[:port], comma-separated) whose web pages may use BOSH, WebSocket and the upload URLs, normally "
                    + "BlueMind's external URL, e.g. https://mail.example.com; empty: no web page may (clients that "
                    + "send no Origin, i.e. not browsers, are not concerned)", webOrigins());
    public static final Setting<String> WEB_WEBSOCKET_URL = add("web-websocket-url", "",
            "the WebSocket URL web clients are told in XEP-0156 host-meta (/.well-known/host-meta), as the browser "
                    + "reaches it, e.g. wss://mail.example.com/xmpp-websocket (BlueMind's nginx); empty: not told",
            optionalUrl("wss", "ws"));
    public static final Setting<String> WEB_BOSH_URL = add("web-bosh-url", "",
            "the BOSH URL web clients are told in XEP-0156 host-meta, e.g. https://mail.example.com/http-bind "
                    + "(BlueMind's nginx); empty: not told (both empty: host-meta answers 404)",
            optionalUrl("https", "http"));

    // --- vcard -----------------------------------------------------------------------------
    public static final Setting<Duration> VCARD_CACHE_TTL = add("vcard-cache-ttl", "15m",
            "how long a vCard and photo hash built from the address book is reused", duration(Duration.ZERO));
    public static final Setting<Integer> VCARD_CACHE_SIZE = add("vcard-cache-size", "20000",
            "most cached vCards", integer(0, 10_000_000));
    public static final Setting<Integer> VCARD_PHOTO_MAX_PIXELS = add("vcard-photo-max-pixels", "192",
            "photos wider or taller than this are scaled down (pixels)", integer(16, 4096));
    public static final Setting<Long> VCARD_PHOTO_MAX_BYTES = add("vcard-photo-max-bytes", "64k",
            "photos larger than this are scaled down and re-encoded", size(1024));
    public static final Setting<RemoteCardVisibility> VCARD_REMOTE_VISIBILITY = add("vcard-remote-visibility",
            "contacts-business-card", "what a requester on another XMPP server gets of a user's vCard, vCard4, nick and "
                    + "avatar (users of this installation always get everything): none, contacts-business-card (remote "
                    + "contacts the user shares presence with get name, nickname, photo, organisation and title), "
                    + "contacts-full, everyone-business-card or everyone-full; whoever gets nothing is answered as for "
                    + "an address that does not exist", oneOf(RemoteCardVisibility.class));

    // --- federation (server-to-server) -------------------------------------------------------
    public static final Setting<FederationMode> FEDERATION = add("federation", "on",
            "which other XMPP servers this one exchanges messages, presence and requests with: on (any), off (none: "
                    + "5269 refuses every server with a policy-violation stream error) or allow-list (only the domains of "
                    + "federation-allowed-domains); a user writing to a refused domain gets a not-allowed error saying so",
            oneOf(FederationMode.class));
    public static final Setting<List<String>> FEDERATION_ALLOWED_DOMAINS = add("federation-allowed-domains", "",
            "with federation = allow-list: the remote domains allowed, comma-separated, e.g. partner.example, "
                    + "example.org; an entry also allows its subdomains (conference.partner.example, "
                    + "upload.partner.example); empty: none", domainNames());

    // --- domains ---------------------------------------------------------------------------
    public static final Setting<Duration> DOMAINS_RESYNC_INTERVAL = add("domains-resync-interval", "10m",
            "full re-read of BlueMind's domains, the safety net behind bus events", duration(Duration.ofSeconds(5)));
    public static final Setting<Path> CERTS_DIR = add("certs-dir", "/usr/share/bm-xmpp/certs",
            "where <domain>.pem files (chain + key) are read, and self-signed ones written", path());
    public static final Setting<CertKeyType> CERT_KEY_TYPE = add("cert-key-type", "ec-p256",
            "key of generated self-signed certificates", oneOf(CertKeyType.class));
    public static final Setting<Duration> CERT_VALIDITY = add("cert-validity", "825d",
            "validity of generated self-signed certificates", duration(Duration.ofDays(1)));
    public static final Setting<Duration> CERTS_CHECK_INTERVAL = add("certs-check-interval", "1m",
            "how often certs-dir is re-read in case a file change was not noticed", duration(Duration.ofSeconds(1)));
    public static final Setting<Duration> S2S_BOUNCE_AFTER = add("s2s-bounce-after", "60s",
            "longest a message for another server waits for the link to it (the remote server is down, silent, sends"
                    + " garbage, or TLS or dialback fails) before it goes back to its sender with an error"
                    + " (remote-server-timeout when the server answered on its port, else remote-server-not-found);"
                    + " connection attempts meanwhile back off from 2s to 30s", duration(Duration.ofSeconds(5)));

    public static final Setting<List<String>> ABUSE_ADDRESSES = add("abuse-addresses", "",
            "XEP-0157: where abuse is reported, comma-separated mailto:, xmpp: or https: URIs, published in every "
                    + "domain's disco#info (http://jabber.org/network/serverinfo); empty: none", contactUris());
    public static final Setting<List<String>> ADMIN_ADDRESSES = add("admin-addresses", "",
            "XEP-0157: the administrators' addresses, same form as abuse-addresses; empty: none", contactUris());

    // --- archive ---------------------------------------------------------------------------
    public static final Setting<List<URI>> ES_URLS = add("es-urls", "",
            "Elasticsearch URLs, comma-separated; empty: port 9200 of the bm/es host from bm-locator (else bm.ini's host)", httpUrls());
    public static final Setting<Path> ARCHIVE_SPOOL_DIR = add("archive-spool-dir", "/var/spool/bm-xmpp/archive",
            "durable local spool for messages not yet in Elasticsearch", path());
    public static final Setting<Long> ARCHIVE_SPOOL_MAX = add("archive-spool-max", "1g",
            "spool size limit; a loud warning is logged past 80%", size(1 << 20));
    public static final Setting<Integer> ARCHIVE_BULK_MAX_DOCS = add("archive-bulk-max-docs", "500",
            "most documents in one _bulk request", integer(1, 100_000));
    public static final Setting<Long> ARCHIVE_BULK_MAX_BYTES = add("archive-bulk-max-bytes", "5m",
            "largest _bulk request body", size(1024));
    public static final Setting<Duration> ARCHIVE_FLUSH_INTERVAL = add("archive-flush-interval", "1s",
            "longest time a message waits before being sent to Elasticsearch", duration(Duration.ofMillis(10)));
    public static final Setting<Boolean> ARCHIVE_SPOOL_BEFORE_ROUTING = add("archive-spool-before-routing", "true",
            "true: a message is routed only once it is in the spool (fsync'd, one write shared by concurrent senders), so"
                    + " a hard crash loses no delivered message; false: spooled within archive-flush-interval (a kill -9 or"
                    + " power loss can lose that much)", bool());
    public static final Setting<Duration> ARCHIVE_SPOOL_TIMEOUT = add("archive-spool-timeout", "2s",
            "longest a message waits for its spool write before it is routed anyway (and spooled later)",
            duration(Duration.ofMillis(10)));
    public static final Setting<Integer> ARCHIVE_QUEUE_MAX = add("archive-queue-max", "100000",
            "most captured messages waiting in memory for the writer; beyond, messages are not archived (logged)",
            integer(100, 10_000_000));
    public static final Setting<Duration> ARCHIVE_RETRY_MAX = add("archive-retry-max", "30s",
            "longest back-off between two write attempts while Elasticsearch refuses or is down (starts at 200ms)",
            duration(Duration.ofMillis(100)));
    public static final Setting<Duration> ARCHIVE_RETENTION = add("archive-retention", "0d",
            "messages older than this are purged; 0d keeps everything", duration(Duration.ZERO));
    public static final Setting<Integer> ARCHIVE_MAM_MAX_PAGE = add("archive-mam-max-page", "100",
            "largest page a MAM query returns (clients asking for more get this many)", integer(1, 10_000));

    // --- calls (XEP-0215 external services: STUN/TURN) -------------------------------------------
    public static final Setting<List<String>> TURN_HOSTS = add("turn-hosts", "",
            "XEP-0215: where clients reach the STUN/TURN server (coturn) for audio/video calls, host names or IP "
                    + "addresses, comma-separated; each is offered for STUN and TURN with credentials made per request; "
                    + "empty: no external services (calls only work when both ends can reach each other directly)",
            hostNames());
    public static final Setting<Integer> TURN_PORT = add("turn-port", "3478",
            "the STUN/TURN port of turn-hosts (coturn's listening-port)", integer(1, 65535));
    public static final Setting<List<String>> TURN_TRANSPORTS = add("turn-transports", "udp,tcp",
            "the transports offered for STUN and TURN on turn-port", subsetOf("udp", "tcp"));
    public static final Setting<Path> TURN_SECRET_FILE = add("turn-secret-file", "/etc/bm-xmpp/turn-secret",
            "file holding the secret shared with coturn (its static-auth-secret, with use-auth-secret), read at "
                    + "each request; TURN passwords are HMAC-SHA1 of 'expiry:user' with it (the TURN REST scheme)",
            path());
    public static final Setting<Duration> TURN_CREDENTIAL_TTL = add("turn-credential-ttl", "1d",
            "how long TURN credentials handed out are valid: coturn refuses them afterwards, also to refresh a "
                    + "running call's relay, so keep it longer than the longest call", duration(Duration.ofMinutes(1)));

    private Keys() {
    }

    private static <T> Setting<T> add(String key, String def, String description, ValueParser<T> parser) {
        Setting<T> s = new Setting<>(key, def, description, parser);
        s.parse(def); // a default that does not parse is a programming error, caught at class load
        ALL.add(s);
        return s;
    }

    /** All settings in documentation order. */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    static Map<String, Setting<?>> byKey() {
        Map<String, Setting<?>> m = new LinkedHashMap<>();
        for (Setting<?> s : ALL) {
            m.put(s.key(), s);
        }
        return m;
    }
}
