package net.bluemind.xmpp.bench.e2e;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import net.bluemind.xmpp.bench.Latencies;

/**
 * Scenario 1, open loop (issue 27's load): the users arrive one every {@code interval}, each connecting, STARTTLS,
 * SASL PLAIN, bind and initial presence ({@link LoadConnection}) when it is due, whether or not the logins before it
 * are done. A login's time runs from when it was due ({@link Arrivals}): a server (or a machine) that falls behind
 * shows as latency, not as a slower arrival rate. The sessions stay open, as in {@link LoginStorm}.
 */
final class ArrivalStorm {

    /** The logins (as a closed-loop storm reports them) and how the arrival rate was held. */
    record Result(LoginStorm.Result logins, Arrivals.Outcome arrivals) {

        /** One line: offered and served rate, the driver's lag, the most logins in flight, and whether it held. */
        String rateLine() {
            return String.format(Locale.ROOT, "offered %.1f logins/s (%d, one every %.0f ms), served %.1f/s, driver late p99 %.1f ms"
                    + " / max %.1f ms, at most %d logins in flight: %s",
                    arrivals.offeredPerSecond(), arrivals.count(), arrivals.intervalNanos() / 1e6, arrivals.servedPerSecond(),
                    arrivals.startLagMillis(99), arrivals.startLagMillis(100), arrivals.maxInFlight(),
                    arrivals.sustained() ? "rate sustained"
                            : "RATE NOT SUSTAINED on this machine (served < 95% of offered, or the driver started logins late"
                                    + " by more than one interval): these figures are an overloaded machine's");
        }
    }

    private ArrivalStorm() {
    }

    static Result run(List<String> users, Function<String, String> serverOf, String password, long intervalNanos)
            throws InterruptedException {
        ConcurrentLinkedQueue<LoadConnection> sessions = new ConcurrentLinkedQueue<>();
        Latencies times = new Latencies();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Arrivals.Outcome outcome = Arrivals.run(users.size(), intervalNanos, (i, due) -> {
            try {
                LoadConnection c = LoadConnection.login(serverOf.apply(users.get(i)), users.get(i), password, 30_000);
                long took = System.nanoTime() - due;
                synchronized (times) {
                    times.add(took);
                }
                sessions.add(c);
            } catch (Exception e) {
                failures.merge(LoginStorm.reason(e), 1, Integer::sum);
            }
        }, 15);
        return new Result(new LoginStorm.Result(List.copyOf(sessions), times, outcome.seconds(), Map.copyOf(failures)), outcome);
    }
}
