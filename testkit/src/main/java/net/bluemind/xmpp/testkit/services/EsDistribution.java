package net.bluemind.xmpp.testkit.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch integ-test zip from Maven Central (fetched by Maven as a testkit dependency, same
 * version as the ES java client), unpacked once under the state directory.
 */
final class EsDistribution {

    private EsDistribution() {
    }

    static String version() {
        return buildProperties().getProperty("elasticsearch.version");
    }

    /** The unpacked distribution's home (with bin/elasticsearch), unpacking the zip if needed. */
    static Path home(ServicesConfig config) {
        String version = version();
        Path home = config.stateDir().resolve("elasticsearch-" + version);
        if (Files.isRegularFile(home.resolve(".unpacked"))) {
            return home;
        }
        Path zip = zip(config, version);
        Path scratch = config.stateDir().resolve(".unpack-" + UUID.randomUUID());
        try {
            unzip(zip, scratch);
            Path unpacked = scratch.resolve("elasticsearch-" + version);
            if (!Files.isRegularFile(unpacked.resolve("bin/elasticsearch"))) {
                throw new ServiceException(zip + " has no elasticsearch-" + version + "/bin/elasticsearch");
            }
            try (var bin = Files.list(unpacked.resolve("bin"))) {
                bin.forEach(f -> f.toFile().setExecutable(true, false));
            }
            Files.createFile(unpacked.resolve(".unpacked"));
            if (Files.exists(home)) {
                Command.run(java.util.List.of("rm", "-rf", home.toString()), java.util.Map.of(), config.stateDir(),
                        java.time.Duration.ofMinutes(1));
            }
            Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            Command.run(java.util.List.of("rm", "-rf", scratch.toString()), java.util.Map.of(), config.stateDir(),
                    java.time.Duration.ofMinutes(1));
            return home;
        } catch (IOException e) {
            throw new ServiceException("cannot unpack " + zip + " into " + config.stateDir() + ": " + e, e);
        }
    }

    private static Path zip(ServicesConfig config, String version) {
        Path zip = config.esZip().isEmpty()
                ? Path.of(buildProperties().getProperty("maven.repo.local"),
                        "org/elasticsearch/distribution/integ-test-zip/elasticsearch", version,
                        "elasticsearch-" + version + ".zip")
                : Path.of(config.esZip());
        if (!Files.isRegularFile(zip)) {
            throw new ServiceException("Elasticsearch integ-test zip not found at " + zip + ": build the testkit module"
                    + " with Maven (it fetches org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + version
                    + ":zip) or set BMX_ES_ZIP");
        }
        return zip;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zf.getInputStream(e)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = EsDistribution.class.getResourceAsStream("services.properties")) {
            if (in == null) {
                throw new ServiceException("services.properties missing from the testkit jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new ServiceException("cannot read services.properties: " + e.getMessage(), e);
        }
        return p;
    }
}
