package net.bluemind.xmpp.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as an operator runs it, against the bm-core simulator, a real DNS server and closed ports. */
class CheckMainTest {

    @TempDir
    Path dir;
    private BmCoreSimulator core;
    private Dnsmasq dns;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        core = BmCoreSimulator.start();
        dns = new Dnsmasq(List.of("_xmpp-client._tcp.bluemind.test,xmpp.bluemind.test,5222,0,5"));
    }

    @AfterEach
    void stop() {
        core.close();
        dns.close();
    }

    private Path config(String token) throws Exception {
        Path tokenFile = dir.resolve("bm-core.tok");
        Files.writeString(tokenFile, token);
        int closed = closedPort();
        Path init = dir.resolve("init.properties");
        Files.writeString(init, String.join("\n",
                "config-type = --gen-config-def",
                "--bm-xmpp.core-url = " + core.baseUrl(),
                "--bm-xmpp.core-token-file = " + tokenFile,
                "--bm-xmpp.amqp-uri = amqp://127.0.0.1:" + closed,
                "--bm-xmpp.es-urls = http://127.0.0.1:" + closed,
                "--user-db-uri = memory://xmldb?autoCreateUser=true",
                "#--bm-xmpp.auth-cache-ttl = 10m", ""));
        return init;
    }

    private int run(String... args) {
        return CheckMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String[] args(Path init, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("check", "--config", init.toString(), "--resolver",
                "127.0.0.1:" + dns.port, "--xmpp-host", "xmpp.bluemind.test", "--host", "127.0.0.1"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void servicesDownAndMissingRecordsFailOneClearLineEach() throws Exception {
        int code = run(args(config(core.apiToken())));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(text).contains("OK    core", "API token accepted")
                .contains("FAIL  bus", "cannot connect to amqp://127.0.0.1:")
                .contains("FAIL  es", "unreachable")
                .contains("WARN  store  --user-db-uri", "lost at every restart")
                .contains("FAIL  srv    bluemind.test", "_xmpp-server._tcp.bluemind.test. 3600 IN SRV 0 5 5269 xmpp.bluemind.test.")
                .contains("OK    srv    bluemind.test", "_xmpp-client._tcp.bluemind.test.")
                .contains("FAIL  srv    acme.test", "add: _xmpp-client._tcp.acme.test. 3600 IN SRV 0 5 5222 xmpp.bluemind.test.")
                .contains("FAIL  s2s    bluemind.test            xmpp.bluemind.test:5269: xmpp.bluemind.test does not resolve",
                        "FAIL  s2s    conference.acme.test")
                .doesNotContain("global.virt");
    }

    @Test
    void aRefusedTokenIsNamedAsSuch() throws Exception {
        assertThat(run(args(config("not-the-token")))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAIL  core", "API token was refused", "core-token-file");
    }

    @Test
    void jsonIsOneArrayForMonitoring() throws Exception {
        assertThat(run(args(config(core.apiToken()), "--json"))).isEqualTo(1);
        JsonNode results = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(results.isArray()).isTrue();
        assertThat(results.get(0).get("check").asText()).isEqualTo("core");
        assertThat(results.findValuesAsText("status")).contains("OK", "FAIL");
    }

    @Test
    void badUsageAndBadSettingsExitWithTwoAndSayWhy() throws Exception {
        assertThat(run("check", "--frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument '--frobnicate'", "usage:");
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "--bm-xmpp.auth-cache-ttl = forever\n");
        assertThat(run("check", "--config", bad.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("auth-cache-ttl", "forever");
        assertThat(run("check", "--help")).isZero();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
