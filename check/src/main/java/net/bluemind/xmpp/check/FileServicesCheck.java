package net.bluemind.xmpp.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.IntPredicate;

/**
 * The file-transfer services of the init.properties block "file transfer" (docs/operators-guide.md, "File transfer"): Tigase's
 * XEP-0363 upload (tigase-http-api, upload.&lt;domain&gt;) and XEP-0065 proxy (tigase-socks5, proxy.&lt;domain&gt;).
 * Both are optional components: configured but not listening is a warning (their jars are not installed).
 */
final class FileServicesCheck {

    static final String EXAMPLE_HOST = "mail.example.com";

    /** What init.properties configures; a service not configured (no class line) is left out. */
    record Config(boolean upload, int httpPort, String publicUrl, long maxFileSize, boolean proxy, int proxyPort) {

        static Config of(Properties init) {
            boolean upload = init.getProperty("upload/class") != null;
            boolean proxy = init.getProperty("proxy/class") != null;
            String proto = init.getProperty("upload/logic/protocol", "http").trim();
            int port = number(init, "upload/logic/port[I]", -1);
            String host = init.getProperty("upload/logic/server-name", "").trim();
            boolean defaultPort = port < 0 || (proto.equals("https") && port == 443) || (proto.equals("http") && port == 80);
            return new Config(upload, number(init, "httpServer/connections/ports[i]", 8080),
                    proto + "://" + host + (defaultPort ? "" : ":" + port) + "/upload/",
                    number(init, "upload/logic/max-file-size[L]", 20L * 1024 * 1024), proxy,
                    number(init, "proxy/connections/ports[i]", 1080));
        }

        private static int number(Properties p, String key, int dflt) {
            return (int) number(p, key, (long) dflt);
        }

        private static long number(Properties p, String key, long dflt) {
            String v = p.getProperty(key);
            if (v == null || v.isBlank()) {
                return dflt;
            }
            String first = v.split(",")[0].trim();
            try {
                return Long.parseLong(first);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " in init.properties is not a number: '" + v.trim() + "'");
            }
        }
    }

    private FileServicesCheck() {
    }

    static List<CheckResult> judge(Config c, String host, List<String> domains, IntPredicate listening) {
        List<CheckResult> out = new ArrayList<>();
        boolean uploadUp = c.upload() && listening.test(c.httpPort());
        boolean proxyUp = c.proxy() && listening.test(c.proxyPort());
        if (c.upload()) {
            out.add(uploadUp
                    ? CheckResult.ok("files", host + ":" + c.httpPort(), "HTTP upload server answers; clients get " + c.publicUrl())
                    : CheckResult.warn("files", host + ":" + c.httpPort(), "HTTP upload configured but nothing listens",
                            "install tigase-http-api into TIGASE_HOME/jars (see docs/operators-guide.md, File transfer), or clients get no upload service"));
            if (c.publicUrl().contains("//" + EXAMPLE_HOST)) {
                out.add(CheckResult.warn("files", "upload/logic/server-name", "upload URLs point at the example host " + EXAMPLE_HOST,
                        "set upload/logic/server-name to BlueMind's external URL (host name)"));
            }
        }
        if (c.proxy()) {
            out.add(proxyUp
                    ? CheckResult.ok("files", host + ":" + c.proxyPort(), "SOCKS5 proxy accepts connections")
                    : CheckResult.warn("files", host + ":" + c.proxyPort(), "SOCKS5 proxy configured but nothing listens",
                            "install tigase-socks5 into TIGASE_HOME/jars (see docs/operators-guide.md, File transfer), or clients get no proxy"));
        }
        if (uploadUp || proxyUp) {
            for (String domain : domains) {
                List<String> services = new ArrayList<>();
                if (uploadUp) {
                    services.add("upload." + domain + " (XEP-0363, max " + c.maxFileSize() / (1024 * 1024) + " MiB)");
                }
                if (proxyUp) {
                    services.add("proxy." + domain + " (XEP-0065, port " + c.proxyPort() + ")");
                }
                out.add(CheckResult.ok("files", domain, String.join(", ", services)));
            }
        }
        return out;
    }
}
