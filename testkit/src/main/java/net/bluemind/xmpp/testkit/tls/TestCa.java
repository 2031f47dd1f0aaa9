package net.bluemind.xmpp.testkit.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority for tests that need certificates a peer can verify (federation with servers
 * requiring authenticated certificates, {@code s2s_secure_auth}): made with openssl in a directory of its own, it
 * issues server certificates as a public CA would (EC P-256, SHA-256, CA:FALSE, serverAuth + clientAuth: servers
 * present the same certificate when they connect to another server). A server is told to trust it with
 * {@link #certificate()} (a PEM file) or {@link #directory()} (a folder holding only that file).
 */
public final class TestCa {

    /** One issued certificate: {@code cert} (PEM, the certificate then the CA's), {@code key} (PKCS#8 PEM). */
    public record Issued(Path cert, Path key) {
        /** Certificate chain followed by the private key, the form of bm-xmpp's {@code <domain>.pem}. */
        public String chainAndKey() throws IOException {
            return Files.readString(cert, StandardCharsets.US_ASCII) + Files.readString(key, StandardCharsets.US_ASCII);
        }
    }

    private final Path dir;
    private final String name;

    private TestCa(Path dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    /** Null when openssl can run here, else why not. */
    public static String unavailable() {
        return Files.isExecutable(Path.of("/usr/bin/openssl")) ? null : "openssl is not installed";
    }

    /** A new CA named {@code CN=<name>}, valid 400 days, its files in {@code dir} (created). */
    public static TestCa create(Path dir, String name) throws IOException {
        Files.createDirectories(dir.resolve("trust"));
        TestCa ca = new TestCa(dir, name);
        ca.openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "400",
                "-subj", "/O=bm-xmpp tests/CN=" + name, "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", dir.resolve("ca.key").toString(), "-out", ca.certificate().toString());
        return ca;
    }

    /** The CA's certificate (PEM): what a server is told to trust. */
    public Path certificate() {
        return dir.resolve("trust").resolve("test-ca.pem");
    }

    /** A directory holding only {@link #certificate()}, for servers that read trusted CAs from a folder. */
    public Path directory() {
        return dir.resolve("trust");
    }

    public String name() {
        return name;
    }

    /** Issues a certificate for {@code names} (the first is the CN; all are DNS subjectAltNames), valid 365 days (past the
     * 30-day warnings of bm-xmpp check). */
    public Issued issue(String... names) throws IOException {
        String first = names[0];
        Path key = dir.resolve(first + ".key");
        Path csr = dir.resolve(first + ".csr");
        Path leaf = dir.resolve(first + ".leaf.crt");
        Path ext = dir.resolve(first + ".ext");
        List<String> sans = new ArrayList<>();
        for (String n : names) {
            sans.add("DNS:" + n);
        }
        Files.writeString(ext, "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
                + "extendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=" + String.join(",", sans) + "\n",
                StandardCharsets.US_ASCII);
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=" + first,
                "-keyout", key.toString(), "-out", csr.toString());
        openssl("x509", "-req", "-in", csr.toString(), "-CA", certificate().toString(), "-CAkey",
                dir.resolve("ca.key").toString(), "-CAserial", dir.resolve("ca.srl").toString(), "-CAcreateserial", "-days", "365", "-sha256", "-extfile", ext.toString(),
                "-out", leaf.toString());
        Path chain = dir.resolve(first + ".crt");
        Files.writeString(chain, Files.readString(leaf, StandardCharsets.US_ASCII)
                + Files.readString(certificate(), StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
        return new Issued(chain, key);
    }

    private void openssl(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("bmx-openssl", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("openssl did not finish within 60 s: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IOException("openssl failed (" + p.exitValue() + "): " + command + "\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running openssl", e);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
