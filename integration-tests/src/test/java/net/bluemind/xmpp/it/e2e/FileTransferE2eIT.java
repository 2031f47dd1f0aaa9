package net.bluemind.xmpp.it.e2e;

import net.bluemind.xmpp.testkit.services.NginxProxy;
import net.bluemind.xmpp.testkit.tigase.TigaseUnderTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.bytestreams.socks5.Socks5BytestreamManager;
import org.jivesoftware.smackx.bytestreams.socks5.Socks5BytestreamSession;
import org.jivesoftware.smackx.bytestreams.socks5.Socks5Proxy;
import org.jivesoftware.smackx.bytestreams.socks5.packet.Bytestream;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.httpfileupload.HttpFileUploadManager;
import org.jivesoftware.smackx.httpfileupload.UploadService;
import org.jivesoftware.smackx.httpfileupload.element.Slot;
import org.jivesoftware.smackx.httpfileupload.element.SlotRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * File transfer as Gajim/Conversations (XEP-0363 HTTP File Upload, tigase-http-api) and Pidgin/Psi (XEP-0065
 * SOCKS5 proxy, tigase-socks5) do it, on the shared stack configured by the shipped etc/init.properties.
 * Runs only when TIGASE_HOME carries both component jars (e.g. the 8.4.0-full-ft install); skipped, saying
 * why, otherwise. Without nginx in front, the stack points the upload URLs at Tigase's HTTP server itself
 * (TigaseUnderTest.configure).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileTransferE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    /** upload/logic/max-file-size in the shipped etc/init.properties. */
    private static final long MAX_FILE_SIZE = 20L * 1024 * 1024;

    private E2eStack stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private XMPPTCPConnection alice;
    private XMPPTCPConnection bob;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
    }

    private boolean installed() {
        return stack.hasComponent("tigase-http-api") && stack.hasComponent("tigase-socks5");
    }

    @BeforeEach
    void needsTheFileTransferComponents(org.junit.jupiter.api.TestInfo test) throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        if (!test.getTestMethod().orElseThrow().getName().equals("withoutTheJarsTheSameConfigurationServesNoFileService")) {
            assumeTrue(installed(), "file transfer e2e skipped: TIGASE_HOME has no tigase-http-api and tigase-socks5 jars"
                    + " (see docs/operators-guide.md, File transfer; e.g. ../shared/tigase/8.4.0-full)");
        }
        if (alice == null) {
            alice = XmppClients.login("alice@" + DOMAIN, "alice-pw");
            bob = XmppClients.login("bob@" + DOMAIN, "bob-pw");
        }
    }

    @AfterAll
    void logout() {
        if (alice != null) {
            alice.disconnect();
            bob.disconnect();
        }
    }

    /** Server-only and 8.4.0-full: the shipped file-transfer block is inert (beans whose classes are absent are skipped). */
    @Test
    void withoutTheJarsTheSameConfigurationServesNoFileService() throws Exception {
        assumeTrue(!stack.hasComponent("tigase-http-api") && !stack.hasComponent("tigase-socks5"),
                "only without the file-transfer jars");
        DiscoverItems items = ServiceDiscoveryManager.getInstanceFor(alice).discoverItems(JidCreate.domainBareFrom(DOMAIN));
        assertThat(items.getItems()).extracting(i -> i.getEntityID().toString())
                .noneMatch(j -> j.startsWith("upload.") || j.startsWith("proxy"));
        // (the group-chat block's beans switched off without their jar do log "unknown class null for bean muc")
        assertThat(stack.tigase.consoleLog()).doesNotContain("tigase.http.", "tigase.socks5.", "for bean upload",
                "for bean proxy", "for bean http");
    }

    /**
     * Both services are found from the domain's disco#items, as clients look for them. tigase-socks5 2.0.1 on
     * 8.4 lists its proxy as {@code proxy@<domain>}; that address and {@code proxy.<domain>} (the streamhost JID it
     * gives) both answer.
     */
    @Test
    void theDomainListsItsUploadServiceAndProxy() throws Exception {
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(alice);
        DiscoverItems items = disco.discoverItems(JidCreate.domainBareFrom(DOMAIN));
        assertThat(items.getItems()).extracting(i -> i.getEntityID().toString()).contains("upload." + DOMAIN);
        List<Jid> proxies = new java.util.ArrayList<>();
        for (DiscoverItems.Item item : items.getItems()) {
            if (disco.discoverInfo(item.getEntityID()).hasIdentity("proxy", "bytestreams")) {
                proxies.add(item.getEntityID());
            }
        }
        // what the operator's guide says clients find: Tigase 8.4 lists the proxy component as proxy@<domain>
        assertThat(proxies).extracting(Jid::toString).containsExactly("proxy@" + DOMAIN);
        assertThat(disco.discoverInfo(JidCreate.domainBareFrom("upload." + DOMAIN)).hasIdentity("store", "file")).isTrue();
    }

    /**
     * Tigase's HTTP server serves the upload servlet and bm-xmpp's host-meta only (WebCorsE2eIT): REST, admin,
     * dashboard and web setup are off.
     */
    @Test
    void theHttpServerExposesNothingButUploads() throws Exception {
        for (String path : List.of("/", "/rest/", "/rest/user/alice@" + DOMAIN, "/admin/", "/dashboard/", "/setup/", "/ui/",
                "/.well-known/webfinger", "/.well-known/host-meta/x")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uploadBase() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("GET %s", path).isEqualTo(404);
        }
    }

    @Test
    void aFileIsUploadedThroughTheSlotAndDownloadedWithTheSameBytes() throws Exception {
        HttpFileUploadManager upload = HttpFileUploadManager.getInstanceFor(alice);
        assertThat(upload.discoverUploadService()).as("an upload service found from the domain's disco#items").isTrue();
        UploadService service = upload.getDefaultUploadService();
        assertThat(service.getAddress().toString()).isEqualTo("upload." + DOMAIN);
        assertThat(service.getVersion()).isEqualTo(UploadService.Version.v0_3);
        assertThat(service.getMaxFileSize()).as("max-file-size announced in the disco#info form").isEqualTo(MAX_FILE_SIZE);

        byte[] content = new byte[300_000];
        new Random(13).nextBytes(content);
        String name = "report " + UUID.randomUUID() + ".bin";
        Slot slot = upload.requestSlot(name, content.length, "application/octet-stream");
        URL put = slot.getPutUrl();
        URL get = slot.getGetUrl();
        assertThat(put.getPath()).startsWith("/upload/alice@" + DOMAIN + "/");
        assertThat(get.getPath()).startsWith("/upload/").doesNotContain("alice@");

        HttpResponse<String> stored = http.send(HttpRequest.newBuilder(put.toURI())
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as("PUT %s: %s", put, stored.body()).isBetween(200, 201);

        HttpResponse<byte[]> fetched = http.send(HttpRequest.newBuilder(get.toURI()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).as("the downloaded bytes").isEqualTo(content);

        // the colleague fetches the same URL (as a client does from the link it received)
        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(get.toURI()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.body()).isEqualTo(content);
    }

    /**
     * Tigase's own servlet answers a download with a Content-Length AND chunked (tigase-http-api 2.4.0); the bundle's
     * FramedDownloadHttpModule (init.properties upload/httpModule/class) frames it once, as RFC 9112 wants, on HTTP/1.1
     * and on HTTP/1.0 (what nginx's proxy_pass speaks by default); HEAD still tells the size.
     */
    @Test
    void aDownloadIsFramedOnceForStrictHttpClients() throws Exception {
        byte[] content = randomBytes(70_000, 9112);
        Slot slot = uploadedFile(content, "strict.bin", URI.create(uploadBase()));
        URI get = slot.getGetUrl().toURI();
        for (String version : List.of("HTTP/1.1", "HTTP/1.0")) {
            RawHttp r = RawHttp.exchange("GET", get, version);
            assertThat(r.status()).as("GET %s", version).isEqualTo(200);
            assertThat(r.framedOnce()).as("%s response framed once: %s", version, r.headers()).isTrue();
            assertThat(r.body()).as("the bytes of a %s download", version).isEqualTo(content);
        }
        RawHttp head = RawHttp.exchange("HEAD", get, "HTTP/1.1");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).as("HEAD tells the size: %s", head.headers())
                .containsExactly(String.valueOf(content.length));
    }

    /**
     * Through a real nginx (Debian's), configured with the location block of the operator's guide
     * (etc/nginx-upload.conf, shipped in /usr/share/doc/bm-xmpp): as is (nginx speaks HTTP/1.0 to Tigase) and with
     * {@code proxy_http_version 1.1} and keep-alive to the upstream, as many BlueMind front ends set it server-wide.
     * The upload and the download both go through nginx.
     */
    @Test
    void aFileGoesBothWaysThroughBlueMindsNginx() throws Exception {
        assertThat(NginxProxy.installed()).as("Debian's nginx (scripts/lib/prereqs.sh installs it)").isTrue();
        int asShipped = 18088;
        int http11 = 18089;
        try (NginxProxy nginx = new NginxProxy(Path.of(System.getProperty("bmx.repo.dir", "..")).resolve("etc/nginx-upload.conf"), List.of(
                new NginxProxy.Server(asShipped, ""),
                new NginxProxy.Server(http11, "proxy_http_version 1.1; proxy_set_header Connection \"\";"))).start()) {
            for (int port : List.of(asShipped, http11)) {
                URI front = URI.create("http://127.0.0.1:" + port);
                byte[] content = randomBytes(2_500_000, port);
                Slot slot = uploadedFile(content, "through nginx " + port + ".bin", front);
                URI get = viaFront(slot.getGetUrl().toURI(), front);

                HttpResponse<byte[]> fetched = http.send(HttpRequest.newBuilder(get).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(fetched.statusCode()).as("GET %s: %s", get, nginx.errorLog()).isEqualTo(200);
                assertThat(fetched.body()).as("the bytes downloaded through nginx on %d", port).isEqualTo(content);
                RawHttp raw = RawHttp.exchange("GET", get, "HTTP/1.1");
                assertThat(raw.framedOnce()).as("nginx's response framed once: %s", raw.headers()).isTrue();
                assertThat(raw.body()).isEqualTo(content);
            }
            assertThat(nginx.errorLog()).doesNotContain("upstream sent", "upstream prematurely closed");
        }
    }

    /** Requests a slot as alice and PUTs the bytes to its URL, sent to {@code front} (Tigase itself or nginx). */
    private Slot uploadedFile(byte[] content, String name, URI front) throws Exception {
        Slot slot = HttpFileUploadManager.getInstanceFor(alice).requestSlot(name, content.length, "application/octet-stream");
        URI put = viaFront(slot.getPutUrl().toURI(), front);
        HttpResponse<String> stored = http.send(HttpRequest.newBuilder(put)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as("PUT %s: %s", put, stored.body()).isBetween(200, 201);
        return slot;
    }

    private static URI viaFront(URI slotUrl, URI front) {
        return front.resolve(slotUrl.getRawPath());
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    @Test
    void aFileOverTheLimitIsRefusedWithFileTooLarge() throws Exception {
        DomainBareJid service = JidCreate.domainBareFrom("upload." + DOMAIN);
        SlotRequest request = new SlotRequest(service, "huge.iso", MAX_FILE_SIZE + 1, "application/octet-stream");
        assertThatThrownBy(() -> alice.createStanzaCollectorAndSend(request).nextResultOrThrow())
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> {
                    StanzaError error = e.getStanzaError();
                    assertThat(error.getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
                    ExtensionElement tooLarge = error.getExtension("file-too-large", "urn:xmpp:http:upload:0");
                    assertThat(tooLarge).as("XEP-0363 <file-too-large/> in %s", error.toXML()).isNotNull();
                    assertThat(tooLarge.toXML().toString()).contains("<max-file-size>" + MAX_FILE_SIZE + "</max-file-size>");
                });
    }

    @Test
    void aPutWithoutAValidSlotIsRefused() throws Exception {
        URI forged = URI.create(uploadBase() + "/upload/alice@" + DOMAIN + "/" + UUID.randomUUID() + "/x.bin");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(forged)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[]{1, 2, 3})).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void theProxyIsDiscoveredAndAnswersItsStreamhost() throws Exception {
        Jid proxy = JidCreate.domainBareFrom("proxy." + DOMAIN);
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(proxy);
        assertThat(info.hasIdentity("proxy", "bytestreams")).isTrue();
        assertThat(info.containsFeature(Bytestream.NAMESPACE)).isTrue();

        Bytestream query = new Bytestream();
        query.setTo(proxy);
        query.setType(IQ.Type.get);
        Bytestream answer = alice.createStanzaCollectorAndSend(query).nextResultOrThrow();
        assertThat(answer.getStreamHosts()).isNotEmpty();
        Bytestream.StreamHost host = answer.getStreamHosts().get(0);
        assertThat(host.getJID().toString()).isEqualTo("proxy." + DOMAIN);
        assertThat(host.getAddress().toString()).isEqualTo("127.0.0.1"); // proxy/remote-addresses of the e2e stack
        assertThat(host.getPort()).isEqualTo(1080);
    }

    @Test
    void aFileGoesFromAliceToBobThroughTheProxy() throws Exception {
        boolean wasLocalProxy = Socks5Proxy.isLocalSocks5ProxyEnabled();
        Socks5Proxy.setLocalSocks5ProxyEnabled(false); // only the server's proxy, as Pidgin behind NAT would use it
        try {
            byte[] content = new byte[1_000_000];
            new Random(65).nextBytes(content);
            Socks5BytestreamManager bobs = Socks5BytestreamManager.getBytestreamManager(bob);
            CompletableFuture<byte[]> received = new CompletableFuture<>();
            bobs.addIncomingBytestreamListener(request -> {
                try {
                    org.jivesoftware.smackx.bytestreams.BytestreamSession session = request.accept();
                    try (InputStream in = session.getInputStream()) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        in.transferTo(out);
                        received.complete(out.toByteArray());
                    }
                } catch (Exception e) {
                    received.completeExceptionally(e);
                }
            });
            Socks5BytestreamManager alices = Socks5BytestreamManager.getBytestreamManager(alice);
            alices.setProxyPrioritizationEnabled(false);
            EntityFullJid bobJid = bob.getUser();
            Socks5BytestreamSession session = alices.establishSession(bobJid, "ft-" + UUID.randomUUID());
            assertThat(session.isMediated()).as("the transfer went through proxy." + DOMAIN).isTrue();
            try (OutputStream out = session.getOutputStream()) {
                out.write(content);
                out.flush();
            }
            session.close();
            assertThat(received.get(30, TimeUnit.SECONDS)).as("the bytes bob received").isEqualTo(content);
        } finally {
            Socks5Proxy.setLocalSocks5ProxyEnabled(wasLocalProxy);
        }
    }

    /** A real client: slixmpp's XEP-0363 plugin (Debian's python3-slixmpp + python3-aiohttp), when installed. */
    @Test
    void slixmppUploadsAFileThatDownloadsWithTheSameBytes() throws Exception {
        assumeTrue(pythonHas("slixmpp", "aiohttp"), "slixmpp upload check skipped: apt-get install python3-slixmpp python3-aiohttp");
        Path dir = Files.createTempDirectory("bm-xmpp-slixmpp");
        Path script = dir.resolve("slixmpp_upload.py");
        try (InputStream in = getClass().getResourceAsStream("/e2e/slixmpp_upload.py")) {
            Files.copy(in, script);
        }
        byte[] content = new byte[123_456];
        new Random(363).nextBytes(content);
        Path file = dir.resolve("minutes.pdf");
        Files.write(file, content);
        Process p = new ProcessBuilder(SYSTEM_PYTHON, script.toString(), "bob@" + DOMAIN, "bob-pw", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("slixmpp said:%n%s", out).isZero();
        String url = out.lines().filter(l -> l.startsWith("GET ")).findFirst().orElseThrow().substring(4).trim();
        assertThat(url).startsWith(uploadBase() + "/upload/").endsWith("/minutes.pdf");
        HttpResponse<byte[]> fetched = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(content);
    }

    private static final String SYSTEM_PYTHON = "/usr/bin/python3";

    private static boolean pythonHas(String... modules) {
        try {
            Process p = new ProcessBuilder(SYSTEM_PYTHON, "-c", "import " + String.join(", ", modules))
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String uploadBase() {
        return "http://127.0.0.1:" + TigaseUnderTest.UPLOAD_HTTP_PORT;
    }
}
