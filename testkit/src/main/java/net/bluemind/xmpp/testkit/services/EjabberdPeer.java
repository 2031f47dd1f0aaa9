package net.bluemind.xmpp.testkit.services;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second real remote XMPP server for federation tests: Debian's ejabberd ({@value #CTL}, 23.01) serving one domain
 * of its own on an address of its own ({@link #DEFAULT_ADDRESS}, next to {@link ProsodyPeer}'s in
 * {@link ProsodyPeer#ADDRESSES}, routed to the loopback interface by {@link LoopbackRoute}: root only), with a
 * self-signed certificate made by openssl for that domain (other servers authenticate it by dialback:
 * {@code mod_s2s_dialback}, {@code s2s_use_starttls: optional}), s2s on 5269 and c2s on {@link #C2S_PORT}.
 *
 * <p>Names: ejabberd 23.01 resolves the servers it connects to with SRV lookups through Erlang's own DNS client
 * ({@code inet_res}, which an inetrc file can point elsewhere but never answers from its {@code host} entries) and
 * then with libc's {@code getaddrinfo} ({@code net:getaddrinfo}): an inetrc hosts list is not consulted. So ejabberd
 * runs in a mount namespace of its own ({@code unshare --mount}) where the test's hosts file is bind-mounted over
 * {@code /etc/hosts}; the machine's own file is never touched. SRV lookups still go to the system's resolver, which
 * answers NXDOMAIN for {@code .test}.
 *
 * <p>Started by the package's own {@code ejabberdctl foreground} (which runs the Erlang VM as the package's
 * {@code ejabberd} user), with a configuration directory of its own ({@code ejabberd.yml}, {@code ejabberdctl.cfg}),
 * spool (Mnesia) and logs in {@code <services dir>/ejabberd-<domain>}, an Erlang node name and a random cookie of its
 * own, and Erlang distribution on {@link #DIST_PORT} on 127.0.0.1 without epmd (ejabberdctl's {@code ERL_DIST_PORT}:
 * RabbitMQ's epmd and node are never involved). Stopped by SIGTERM to its Erlang VM (this JVM's descendant, by pid:
 * Erlang stops cleanly on SIGTERM), its folder removed at close. The package's own service and files are never
 * touched.
 */
public final class EjabberdPeer implements AutoCloseable {

    static final String CTL = "/usr/sbin/ejabberdctl";
    static final String UNSHARE = "/usr/bin/unshare";
    /** The package's system user, which ejabberdctl switches to when run as root. */
    static final String USER = "ejabberd";
    /** The first ejabberd peer's address: after Prosody's {@link ProsodyPeer#FIRST_ADDRESS}, same range. */
    public static final String DEFAULT_ADDRESS = "198.18.78.2";
    /** ejabberd's client port on its address (not 5222: logs stay unambiguous). */
    public static final int C2S_PORT = 5422;
    public static final int S2S_PORT = 5269;
    /** Erlang distribution port of the peer's node, on 127.0.0.1 (ejabberdctl talks to the node through it). */
    public static final int DIST_PORT = 5425;

    private final String domain;
    private final String address;
    private final Map<String, String> hosts;
    private final Path dir;
    private final String node;
    private final String cookie = UUID.randomUUID().toString().replace("-", "");
    private LoopbackRoute route;
    private Process process;

    /**
     * @param domain  the domain ejabberd serves (and the certificate's name)
     * @param address its address, in {@link ProsodyPeer#ADDRESSES}
     * @param hosts   how ejabberd resolves other servers' names: name → address (e.g. the domain under test → 127.0.0.1)
     */
    public EjabberdPeer(String domain, String address, Map<String, String> hosts) {
        this.domain = domain;
        this.address = address;
        this.hosts = new LinkedHashMap<>(hosts);
        this.dir = ServicesConfig.fromEnvironment().stateDir().resolve("ejabberd-" + domain);
        this.node = "bmxpeer-" + domain.replaceAll("[^A-Za-z0-9]", "-") + "@localhost";
    }

    /** Null when a peer can run here, else why not (for the test's skip message). */
    public static String unavailable() {
        if (!Files.isExecutable(Path.of(CTL))) {
            return "Debian's ejabberd is not installed (scripts/lib/prereqs.sh installs it)";
        }
        if (!RunningUser.isRoot()) {
            return "needs root: ejabberdctl runs ejabberd as its own user, and its hosts file is mounted in a namespace";
        }
        if (!Files.isExecutable(Path.of(UNSHARE))) {
            return "util-linux's unshare is missing (ejabberd's own /etc/hosts, in a mount namespace)";
        }
        Command.Result ns = Command.run(List.of(UNSHARE, "--mount", "true"), Map.of(), Path.of("/"), Duration.ofSeconds(10));
        if (!ns.ok()) {
            return "cannot make a mount namespace here (unshare --mount: " + ns.output().strip()
                    + "): ejabberd could not resolve the test's names";
        }
        if (!LoopbackRoute.possible(ProsodyPeer.ADDRESSES)) {
            return "needs root to route " + ProsodyPeer.ADDRESSES + " to the loopback interface (the peer's own address)";
        }
        return null;
    }

    public String domain() {
        return domain;
    }

    public String address() {
        return address;
    }

    /** Writes configuration, hosts and certificate, starts ejabberd and waits until it listens for clients and servers. */
    public EjabberdPeer start() {
        String why = unavailable();
        if (why != null) {
            throw new ServiceException("no ejabberd peer: " + why);
        }
        route = LoopbackRoute.ensure(ProsodyPeer.ADDRESSES);
        try {
            for (int port : List.of(C2S_PORT, S2S_PORT)) {
                if (listening(address, port)) {
                    throw new ServiceException(address + ":" + port + " is taken: the test's ejabberd needs it free");
                }
            }
            if (listening("127.0.0.1", DIST_PORT)) {
                throw new ServiceException("127.0.0.1:" + DIST_PORT + " is taken (an ejabberd peer left running?)");
            }
            Dirs.deleteTree(dir);
            Files.createDirectories(dir.resolve("spool"));
            Files.createDirectories(dir.resolve("logs"));
            Files.createDirectories(dir.resolve("certs"));
            makeCertificate();
            StringBuilder h = new StringBuilder("127.0.0.1 localhost\n").append(address).append(' ').append(domain).append('\n');
            hosts.forEach((name, ip) -> h.append(ip).append(' ').append(name).append('\n'));
            Files.writeString(dir.resolve("hosts"), h, StandardCharsets.US_ASCII);
            // Erlang's own resolver (ejabberdctl points ERL_INETRC at <config dir>/inetrc): the same names
            Files.writeString(dir.resolve("inetrc"), "{hosts_file, \"" + dir.resolve("hosts") + "\"}.\n{lookup, [file, native]}.\n",
                    StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve("ejabberd.yml"), configuration(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("ejabberdctl.cfg"), ctlConfiguration(), StandardCharsets.UTF_8);
            // the Erlang VM runs as the package's user (ejabberdctl's su): it needs its folder
            giveToPackageUser();
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof ServiceException se ? se
                    : new ServiceException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        try {
            List<String> cmd = new ArrayList<>(List.of(UNSHARE, "--mount", "--propagation", "private", "/bin/sh", "-c",
                    "mount --bind \"$0\" /etc/hosts && exec \"$@\"", dir.resolve("hosts").toString()));
            cmd.addAll(ctl("foreground"));
            process = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            close();
            throw new ServiceException("cannot start " + CTL + ": " + e.getMessage(), e);
        }
        boolean up = Loopback.await(Duration.ofSeconds(40),
                () -> !process.isAlive() || (listening(address, C2S_PORT) && listening(address, S2S_PORT)));
        if (!up || !process.isAlive()) {
            String log = LogTail.of(dir.resolve("logs").resolve("ejabberd.log"), 20) + "\n"
                    + LogTail.of(dir.resolve("console.log"), 20);
            close();
            throw new ServiceException("ejabberd did not start on " + address + ": " + log);
        }
        return this;
    }

    /** Creates an account with {@code ejabberdctl register} (through the node's Erlang distribution port). */
    public void addUser(String localpart, String password) {
        Command.Result r = Command.run(ctl("register", localpart, domain, password), Map.of(), dir, Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new ServiceException("ejabberdctl register " + localpart + "@" + domain + " failed: " + r.output());
        }
    }

    /** ejabberd's log (info level: s2s links in and out, how each was authenticated, TLS, failures). */
    public String log() {
        try {
            return Files.readString(dir.resolve("logs").resolve("ejabberd.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + dir.resolve("logs/ejabberd.log") + ": " + e.getMessage() + ")";
        }
    }

    /** The certificate ejabberd presents (PEM, followed by its key), for a client that wants to check it. */
    public Path certificate() {
        return dir.resolve("certs").resolve(domain + ".pem");
    }

    private List<String> ctl(String... args) {
        List<String> cmd = new ArrayList<>(List.of(CTL, "--config-dir", dir.toString(),
                "--ctl-config", dir.resolve("ejabberdctl.cfg").toString(),
                "--spool", dir.resolve("spool").toString(), "--logs", dir.resolve("logs").toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void makeCertificate() throws IOException {
        Path certs = dir.resolve("certs");
        Path key = certs.resolve(domain + ".key");
        Path crt = certs.resolve(domain + ".crt");
        Command.Result r = Command.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                "-subj", "/CN=" + domain, "-addext", "subjectAltName=DNS:" + domain + ",DNS:*." + domain,
                "-keyout", key.toString(), "-out", crt.toString()), Map.of(), dir, Duration.ofSeconds(60));
        if (!r.ok()) {
            throw new ServiceException("openssl could not make a certificate for " + domain + ": " + r.output());
        }
        Files.writeString(certificate(), Files.readString(crt) + Files.readString(key), StandardCharsets.US_ASCII);
    }

    private String ctlConfiguration() {
        return String.join("\n",
                "# written by the bm-xmpp testkit (EjabberdPeer): sourced by ejabberdctl",
                "ERLANG_NODE=" + node,
                // the cookie of this node only; distribution on 127.0.0.1 only, on a port of its own, without epmd
                "ERL_OPTIONS=\"-setcookie " + cookie + " -kernel inet_dist_use_interface {127,0,0,1}"
                        + " -env ERL_CRASH_DUMP_BYTES 0\"",
                "ERL_DIST_PORT=" + DIST_PORT,
                "EJABBERD_PID_PATH=" + dir.resolve("ejabberd.pid"),
                "EJABBERD_BYPASS_WARNINGS=true",
                "");
    }

    private String configuration() {
        return String.join("\n",
                "# written by the bm-xmpp testkit (EjabberdPeer): a remote server for federation tests",
                "loglevel: info",
                "log_rotate_count: 0",
                "hosts:",
                "  - " + yaml(domain),
                "certfiles:",
                "  - " + yaml(certificate().toString()),
                "listen:",
                "  -",
                "    port: " + C2S_PORT,
                "    ip: " + yaml(address),
                "    module: ejabberd_c2s",
                "    starttls_required: true",
                "  -",
                "    port: " + S2S_PORT,
                "    ip: " + yaml(address),
                "    module: ejabberd_s2s_in",
                "# self-signed certificates on both sides: TLS when offered, authentication by dialback",
                "s2s_use_starttls: optional",
                "outgoing_s2s_families: [ipv4]",
                "auth_method: internal",
                "auth_password_format: plain",
                "acl:",
                "  local:",
                "    user_regexp: \"\"",
                "access_rules:",
                "  local:",
                "    allow: local",
                "  c2s:",
                "    allow: all",
                "api_permissions:",
                "  \"console commands\":",
                "    from:",
                "      - ejabberd_ctl",
                "    who: all",
                "    what: \"*\"",
                "shaper_rules:",
                "  max_user_sessions: 10",
                "modules:",
                "  mod_disco: {}",
                "  mod_roster: {}",
                "  mod_s2s_dialback: {}",
                "  mod_ping: {}",
                "  mod_carboncopy: {}",
                "  mod_admin_extra: {}",
                "");
    }

    private static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void giveToPackageUser() throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(USER);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(USER);
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                view.setOwner(user);
                view.setGroup(group);
            }
        }
    }

    private static boolean listening(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            // SIGTERM to the Erlang VM (beam.smp, below unshare/ejabberdctl/su/sh): ejabberd stops cleanly, then the
            // shells above it exit
            List<ProcessHandle> vms = process.descendants().filter(h -> h.info().command().orElse("").endsWith("beam.smp")).toList();
            vms.forEach(ProcessHandle::destroy);
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    vms.forEach(ProcessHandle::destroyForcibly);
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
