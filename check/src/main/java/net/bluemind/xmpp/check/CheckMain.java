package net.bluemind.xmpp.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import net.bluemind.xmpp.common.core.HttpCoreClient;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;

/**
 * {@code bm-xmpp check [--json] [--config FILE] [--resolver HOST[:PORT]] [--host HOST] [--xmpp-host NAME]
 * [--cert-warn-days N]}: one line per check, exit status 1 when any check fails, 2 on bad usage.
 */
public final class CheckMain {

    static final String USAGE = """
            usage: bm-xmpp check [--json] [--config FILE] [--resolver HOST[:PORT]] [--host HOST]
                                 [--xmpp-host NAME] [--cert-warn-days N] [--login USER@DOMAIN --password-file FILE]
              --config          init.properties to read bm-xmpp settings from (default /etc/bm-xmpp/init.properties)
              --resolver        DNS server to ask for SRV records (default: the system's)
              --host            where this server's ports are checked (default 127.0.0.1)
              --xmpp-host       host name the SRV records must point at, whose 5269 is opened as another
                                server would (default: any; --host's 5269 then)
              --cert-warn-days  warn when a certificate expires within this many days (default 30)
              --login           an IM user to log in as, to ask each domain's room service (conference.<domain>)
              --password-file   file holding that user's password (one line)
              --json            one JSON array, for monitoring""";

    private CheckMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opts = new HashMap<>();
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("check")) {
                continue;
            } else if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (a.startsWith("--") && i + 1 < args.length) {
                opts.put(a.substring(2), args[++i]);
            } else {
                err.println("bm-xmpp check: unknown argument '" + a + "'\n" + USAGE);
                return 2;
            }
        }
        try {
            Properties init = load(Path.of(opts.getOrDefault("config", "/etc/bm-xmpp/init.properties")));
            Settings settings = Settings.load(settingsOf(init));
            List<URI> es = settings.get(Keys.ES_URLS);
            Deployment.Target target = new Deployment.Target(new HttpCoreClient(settings), settings.get(Keys.AMQP_URI),
                    es.isEmpty() ? null : es.get(0), resolver(opts.get("resolver")), opts.get("xmpp-host"),
                    opts.getOrDefault("host", "127.0.0.1"),
                    Duration.ofDays(Long.parseLong(opts.getOrDefault("cert-warn-days", "30"))),
                    init.getProperty(UserStoreCheck.KEY), opts.get("login"),
                    opts.containsKey("password-file") ? Files.readString(Path.of(opts.get("password-file"))).trim() : null,
                    FileServicesCheck.Config.of(init));
            List<CheckResult> results = Deployment.check(target);
            if (json) {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
            } else {
                results.forEach(r -> out.println(r.line()));
            }
            return results.stream().anyMatch(r -> r.status() == CheckResult.Status.FAIL) ? 1 : 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("bm-xmpp check: " + e.getMessage());
            return 2;
        }
    }

    static Properties load(Path initProperties) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(initProperties, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** The un-commented {@code --bm-xmpp.<key>} lines of init.properties. */
    static Map<String, String> settingsOf(Properties p) {
        Map<String, String> raw = new HashMap<>();
        String prefix = "--" + Settings.SYSTEM_PROPERTY_PREFIX;
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith(prefix)) {
                raw.put(k.substring(prefix.length()), p.getProperty(k).trim());
            }
        }
        return raw;
    }

    private static Resolver resolver(String spec) throws UnknownHostException {
        if (spec == null) {
            return new ExtendedResolver();
        }
        int colon = spec.lastIndexOf(':');
        SimpleResolver r = new SimpleResolver(colon > 0 ? spec.substring(0, colon) : spec);
        if (colon > 0) {
            r.setPort(Integer.parseInt(spec.substring(colon + 1)));
        }
        return r;
    }
}
