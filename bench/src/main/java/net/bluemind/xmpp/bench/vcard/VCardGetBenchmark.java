package net.bluemind.xmpp.bench.vcard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.bluemind.xmpp.bench.Benchmark;
import net.bluemind.xmpp.bench.Report;
import net.bluemind.xmpp.common.core.HttpCoreClient;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import net.bluemind.xmpp.vcard.ContactDirectory;
import net.bluemind.xmpp.vcard.PhotoProcessor;
import net.bluemind.xmpp.vcard.Reply;
import net.bluemind.xmpp.vcard.VCardRequests;
import net.bluemind.xmpp.vcard.VCardService;
import net.bluemind.xmpp.vcard.xml.XmlNodeWriter;

/**
 * vcard-temp gets per second, served from the vcard cache versus read from bm-core (the simulator over real
 * loopback HTTP: domain lookup, user, VCard, photo, photo processing) for every get. Each get includes
 * rendering and serializing the vCard XML, photo included.
 */
public final class VCardGetBenchmark implements Benchmark {

    private static final List<String> USERS = List.of("alice@bluemind.test", "bob@bluemind.test", "grace@acme.test",
            "zoe@bluemind.test", "frank@bluemind.test");
    private static final Duration CORE_BUDGET = Duration.ofSeconds(6);
    private static final Duration CACHE_BUDGET = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "vcard-get";
    }

    @Override
    public String description() {
        return "vCard gets/s from the vcard cache vs from bm-core (simulator, real HTTP)";
    }

    @Override
    public void run(Report report) throws Exception {
        try (BmCoreSimulator sim = BmCoreSimulator.start()) {
            Path token = sim.writeTokenFile(Files.createTempDirectory("bench-vcard"));
            Settings settings = Settings.load(Map.of(Keys.CORE_URL.key(), sim.baseUrl().toString(),
                    Keys.CORE_TOKEN_FILE.key(), token.toString()));
            ContactDirectory directory = new ContactDirectory(new HttpCoreClient(settings),
                    new PhotoProcessor(settings.get(Keys.VCARD_PHOTO_MAX_PIXELS), settings.get(Keys.VCARD_PHOTO_MAX_BYTES)));
            // TTL 0: every get reads bm-core; 15 min: every get after the first per user is a cache hit
            VCardRequests uncached = new VCardRequests(new VCardService(directory, Duration.ZERO, 1000, Runnable::run));
            VCardRequests cached = new VCardRequests(new VCardService(directory, Duration.ofMinutes(15), 1000, Runnable::run));

            measure(uncached, Duration.ofSeconds(1)); // warm-up: JIT, HTTP connections
            measure(cached, Duration.ofSeconds(1));
            sim.resetCounters();
            double core = measure(uncached, CORE_BUDGET);
            long coreCalls = sim.requests("/api/");
            sim.resetCounters();
            double cache = measure(cached, CACHE_BUDGET);
            long cacheCalls = sim.requests("/api/");

            report.note(USERS.size() + " fixture users in turn (photos 96px..1024px noise); default settings");
            report.figure("from bm-core", core, "gets/s");
            report.figure("bm-core calls during the bm-core run", coreCalls, "requests");
            report.figure("from cache", cache, "gets/s");
            report.figure("bm-core calls during the cache run", cacheCalls, "requests");
            report.ratio("cache/bm-core (goal >= 50)", cache, core);
        }
    }

    /** Gets per second over the budget; fails loudly if a get does not produce a vCard. */
    private static double measure(VCardRequests requests, Duration budget) {
        long end = System.nanoTime() + budget.toNanos();
        long start = System.nanoTime();
        long n = 0;
        long bytes = 0;
        while (System.nanoTime() < end) {
            for (String user : USERS) {
                Reply r = requests.vcardTemp(user);
                if (!(r instanceof Reply.Result result) || result.payload().isEmpty()) {
                    throw new IllegalStateException("no vCard for " + user + ": " + r);
                }
                bytes += XmlNodeWriter.toXml(result.payload().get()).length();
                n++;
            }
        }
        if (bytes == 0) {
            throw new IllegalStateException("empty output");
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
