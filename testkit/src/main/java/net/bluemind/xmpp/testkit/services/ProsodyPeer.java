package net.bluemind.xmpp.testkit.services;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Another XMPP server on the internet, as far as a federation test can tell: Debian's Prosody ({@value #BINARY}, 0.12)
 * serving one domain of its own on an address of its own, routed to the loopback interface ({@link LoopbackRoute},
 * from 198.18.78.0/24: root only), with a self-signed certificate made by openssl for that domain (so other servers
 * authenticate it by dialback: {@code s2s_secure_auth = false}, Prosody's default), s2s on 5269 (where a server
 * without an SRV record is looked for) and c2s on {@link #C2S_PORT}. Names Prosody resolves come from a hosts file of
 * its own (libunbound's {@code hoststxt}, through Debian's lua-unbound); SRV lookups still go to the system's
 * resolver, which answers NXDOMAIN for {@code .test}. Every file (configuration, certificate, data, pid, log) is in
 * {@code <services dir>/prosody-<domain>}; Prosody runs in the foreground as this JVM's child, is stopped (SIGTERM)
 * and its folder removed at close. The package's own service and configuration are never touched.
 *
 * <p>{@link Options} change the certificate and how other servers are authenticated: a certificate issued by a CA
 * (e.g. {@link net.bluemind.xmpp.testkit.tls.TestCa}) instead of the self-signed one, the CA file Prosody trusts
 * (its {@code ssl.cafile}), {@code s2s_secure_auth} (other servers must present a certificate Prosody trusts, for
 * their name: SASL EXTERNAL or dialback over a verified TLS link; the default of Snikket and many public servers) and
 * {@code s2s_require_encryption}. The defaults are the dialback setup described above.
 */
public final class ProsodyPeer implements AutoCloseable {

    static final String BINARY = "/usr/bin/prosody";
    static final String CTL = "/usr/bin/prosodyctl";
    /** Where the peers' addresses are taken from (another /24 than the cluster test's 198.18.77.0/24). */
    public static final String ADDRESSES = "198.18.78.0/24";
    /** The first peer's address. */
    public static final String FIRST_ADDRESS = "198.18.78.1";
    /** Prosody's client port on its address (5222 there is free too; another number keeps logs unambiguous). */
    public static final int C2S_PORT = 5322;
    public static final int S2S_PORT = 5269;

    /**
     * How the peer is set up; {@link #dialback()} is the default (self-signed certificate, dialback accepted,
     * encryption required). Immutable: each method returns a changed copy.
     *
     * @param certificate its certificate (PEM, chain) and {@code key}, or null for a self-signed one made by openssl
     * @param trustedCa a PEM file of the CAs it trusts (other servers' certificates are checked against it), or null for
     *        the system's ({@code /etc/ssl/certs})
     * @param secureAuth {@code s2s_secure_auth}
     * @param requireEncryption {@code s2s_require_encryption}
     * @param pubsubAdmin when not null, a publish-subscribe service at {@code pubsub.<domain>} (Prosody's mod_pubsub
     *        component; e.g. the stand-in for a phone app's push service, XEP-0357) administered by this account, which
     *        may create nodes there (Prosody lets only a service's admins create nodes)
     */
    public record Options(Path certificate, Path key, Path trustedCa, boolean secureAuth, boolean requireEncryption,
            String pubsubAdmin) {

        public Options(Path certificate, Path key, Path trustedCa, boolean secureAuth, boolean requireEncryption) {
            this(certificate, key, trustedCa, secureAuth, requireEncryption, null);
        }

        public static Options dialback() {
            return new Options(null, null, null, false, true);
        }

        public Options withPubsub(String adminJid) {
            return new Options(certificate, key, trustedCa, secureAuth, requireEncryption, adminJid);
        }

        public Options certificate(Path chain, Path privateKey) {
            return new Options(chain, privateKey, trustedCa, secureAuth, requireEncryption, pubsubAdmin);
        }

        public Options trusting(Path caFile) {
            return new Options(certificate, key, caFile, secureAuth, requireEncryption, pubsubAdmin);
        }

        public Options secureAuth(boolean on) {
            return new Options(certificate, key, trustedCa, on, requireEncryption, pubsubAdmin);
        }

        public Options requireEncryption(boolean on) {
            return new Options(certificate, key, trustedCa, secureAuth, on, pubsubAdmin);
        }
    }

    private final String domain;
    private final String address;
    private final Map<String, String> hosts;
    private final Options options;
    private final Path dir;
    private LoopbackRoute route;
    private Process process;

    /**
     * @param domain  the domain Prosody serves (and the certificate's name)
     * @param address its address, in {@link #ADDRESSES}
     * @param hosts   how Prosody resolves other servers' names: name → address (e.g. the domain under test → 127.0.0.1)
     */
    public ProsodyPeer(String domain, String address, Map<String, String> hosts) {
        this(domain, address, hosts, Options.dialback());
    }

    /** The same with other {@link Options}: another certificate, trusted CAs, strict authentication of servers. */
    public ProsodyPeer(String domain, String address, Map<String, String> hosts, Options options) {
        this.domain = domain;
        this.address = address;
        this.hosts = new LinkedHashMap<>(hosts);
        this.options = options;
        this.dir = ServicesConfig.fromEnvironment().stateDir().resolve("prosody-" + domain);
    }

    /** Null when a peer can run here, else why not (for the test's skip message). */
    public static String unavailable() {
        if (!Files.isExecutable(Path.of(BINARY)) || !Files.isExecutable(Path.of(CTL))) {
            return "Debian's prosody is not installed (scripts/lib/prereqs.sh installs it)";
        }
        if (!Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/lua/5.4/lunbound.so"))
                && !Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/lua/5.4/lunbound.so"))) {
            return "Debian's lua-unbound is not installed: Prosody would not read its own hosts file";
        }
        if (!LoopbackRoute.possible(ADDRESSES)) {
            return "needs root to route " + ADDRESSES + " to the loopback interface (the peer's own address)";
        }
        return null;
    }

    public String domain() {
        return domain;
    }

    public String address() {
        return address;
    }

    /** Writes configuration and certificate, starts Prosody and waits until it listens for clients and servers. */
    public ProsodyPeer start() {
        String why = unavailable();
        if (why != null) {
            throw new ServiceException("no Prosody peer: " + why);
        }
        route = LoopbackRoute.ensure(ADDRESSES);
        try {
            for (int port : List.of(C2S_PORT, S2S_PORT)) {
                if (listening(port)) {
                    throw new ServiceException(address + ":" + port + " is taken: the test's Prosody needs it free");
                }
            }
            Dirs.deleteTree(dir);
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("certs"));
            if (options.certificate() == null) {
                makeCertificate();
            } else {
                Files.copy(options.certificate(), certificate());
                Files.copy(options.key(), privateKey());
            }
            StringBuilder h = new StringBuilder("127.0.0.1 localhost\n").append(address).append(' ').append(domain).append('\n');
            hosts.forEach((name, ip) -> h.append(ip).append(' ').append(name).append('\n'));
            Files.writeString(dir.resolve("hosts"), h, StandardCharsets.US_ASCII);
            Files.writeString(config(), configuration(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof ServiceException se ? se
                    : new ServiceException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        try {
            process = new ProcessBuilder(BINARY, "--config", config().toString(), "-F").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            close();
            throw new ServiceException("cannot start " + BINARY + ": " + e.getMessage(), e);
        }
        boolean up = Loopback.await(Duration.ofSeconds(20),
                () -> !process.isAlive() || (listening(C2S_PORT) && listening(S2S_PORT)));
        if (!up || !process.isAlive()) {
            String log = LogTail.of(dir.resolve("prosody.log"), 20) + "\n" + LogTail.of(dir.resolve("console.log"), 20);
            close();
            throw new ServiceException("Prosody did not start on " + address + ": " + log);
        }
        return this;
    }

    /** Creates an account with prosodyctl (Prosody's internal_plain store, read at each login). */
    public void addUser(String localpart, String password) {
        Command.Result r = Command.run(List.of(CTL, "--config", config().toString(), "register", localpart, domain, password),
                Map.of(), dir, Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new ServiceException("prosodyctl register " + localpart + "@" + domain + " failed: " + r.output());
        }
    }

    /**
     * Closes every server-to-server connection between Prosody and {@code remoteDomain}, both directions (Prosody's
     * admin shell, {@code s2s:closeall}: each stream ends with {@code </stream:stream>}), and waits until Prosody lists
     * none. The next stanza either side sends to the other opens a new link. Returns how many Prosody closed.
     */
    public int closeLinks(String remoteDomain) {
        Command.Result r = shell("s2s", "closeall", remoteDomain);
        if (!r.ok() && !r.output().contains("No sessions to close")) {
            throw new ServiceException("prosodyctl shell s2s:closeall(" + remoteDomain + ") failed: " + r.output());
        }
        java.util.regex.Matcher closed = java.util.regex.Pattern.compile("Closed (\\d+) s2s session").matcher(r.output());
        int n = closed.find() ? Integer.parseInt(closed.group(1)) : 0;
        boolean gone = Loopback.await(Duration.ofSeconds(10), () -> links(remoteDomain) == 0);
        if (!gone) {
            throw new ServiceException("Prosody still lists s2s connections with " + remoteDomain + " 10 s after closing them");
        }
        return n;
    }

    /** How many server-to-server connections Prosody has with {@code remoteDomain} (either direction, any state). */
    public int links(String remoteDomain) {
        Command.Result r = shell("s2s", "show", remoteDomain);
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("OK: (\\d+) (out of \\d+ )?s2s connections shown").matcher(r.output());
        if (!shown.find()) {
            throw new ServiceException("prosodyctl shell s2s:show(" + remoteDomain + "): " + r.output());
        }
        return Integer.parseInt(shown.group(1));
    }

    /** A command of Prosody's admin shell ({@code prosodyctl shell}, mod_admin_shell on its socket in the data folder). */
    private Command.Result shell(String... command) {
        List<String> args = new ArrayList<>(List.of(CTL, "--config", config().toString(), "shell"));
        args.addAll(List.of(command));
        return Command.run(args, Map.of(), dir, Duration.ofSeconds(30));
    }

    /** Prosody's whole log (debug level: streams, TLS, dialback, every stanza routed). */
    public String log() {
        try {
            return Files.readString(dir.resolve("prosody.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + dir.resolve("prosody.log") + ": " + e.getMessage() + ")";
        }
    }

    /** The certificate Prosody presents (PEM), for a client that wants to check it. */
    public Path certificate() {
        return dir.resolve("certs").resolve(domain + ".crt");
    }

    private Path privateKey() {
        return dir.resolve("certs").resolve(domain + ".key");
    }

    private Path config() {
        return dir.resolve("prosody.cfg.lua");
    }

    private void makeCertificate() {
        Path certs = dir.resolve("certs");
        Command.Result r = Command.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                "-subj", "/CN=" + domain, "-addext", "subjectAltName=DNS:" + domain + ",DNS:*." + domain,
                "-keyout", privateKey().toString(), "-out", certificate().toString()),
                Map.of(), dir, Duration.ofSeconds(60));
        if (!r.ok()) {
            throw new ServiceException("openssl could not make a certificate for " + domain + ": " + r.output());
        }
    }

    private String configuration() {
        String d = dir.toString();
        List<String> lines = new ArrayList<>(List.of(
                "-- written by the bm-xmpp testkit (ProsodyPeer): a remote server for federation tests",
                "run_as_root = true -- CI runs as root; Prosody otherwise switches to the package's user",
                "pidfile = " + lua(d + "/prosody.pid"),
                "data_path = " + lua(d + "/data"),
                "plugin_paths = {}",
                "interfaces = { " + lua(address) + " }",
                "c2s_ports = { " + C2S_PORT + " }",
                "s2s_ports = { " + S2S_PORT + " }",
                "c2s_direct_tls_ports = {}",
                "s2s_direct_tls_ports = {}",
                "legacy_ssl_ports = {}",
                "component_ports = {}",
                "http_ports = {}",
                "https_ports = {}",
                "log = { debug = " + lua(d + "/prosody.log") + " }",
                "modules_enabled = { \"roster\", \"saslauth\", \"tls\", \"dialback\", \"disco\", \"carbons\", \"ping\", \"admin_shell\" }",
                "authentication = \"internal_plain\"",
                "c2s_require_encryption = true",
                "s2s_require_encryption = " + options.requireEncryption(),
                "s2s_secure_auth = " + options.secureAuth()
                        + (options.secureAuth() ? " -- certificates checked: SASL EXTERNAL" : " -- self-signed certificates: dialback"),
                "unbound = { hoststxt = " + lua(d + "/hosts") + " }",
                "certificates = " + lua(d + "/certs"),
                "VirtualHost " + lua(domain),
                "  ssl = { certificate = " + lua(certificate().toString()) + ", key = " + lua(privateKey().toString())
                        + (options.trustedCa() == null ? "" : ", cafile = " + lua(options.trustedCa().toString())) + " }"));
        if (options.pubsubAdmin() != null) {
            lines.add("Component " + lua("pubsub." + domain) + " \"pubsub\"");
            lines.add("  admins = { " + lua(options.pubsubAdmin()) + " }");
        }
        return String.join("\n", lines) + "\n";
    }

    private static String lua(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        ChildProcess.stop(process, 10); // SIGTERM: Prosody closes its streams and exits
        process = null;
        if (!Boolean.getBoolean("bmx.e2e.keep")) {
            Dirs.deleteTree(dir);
        }
        if (route != null) {
            route.close();
            route = null;
        }
    }
}
