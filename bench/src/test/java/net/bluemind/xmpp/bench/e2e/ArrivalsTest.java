package net.bluemind.xmpp.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.bench.Latencies;
import org.junit.jupiter.api.Test;

/** The open-loop scheduler of the login benchmark: what it promises, without timing anything. */
class ArrivalsTest {

    @Test
    void arrivalsAreDueAtTheirOwnTimeWhateverTheEarlierOnesAreDoing() throws Exception {
        int count = 20;
        CountDownLatch allStarted = new CountDownLatch(count);
        Arrivals.Outcome outcome = Arrivals.run(count, TimeUnit.MILLISECONDS.toNanos(1), (i, due) -> {
            allStarted.countDown();
            try {
                // a closed loop would never start the later arrivals while this one waits: this would time out
                allStarted.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 2);

        assertThat(allStarted.getCount()).isZero();
        assertThat(outcome.maxInFlight()).isEqualTo(count);
        assertThat(outcome.startLag().count()).isEqualTo(count);
    }

    @Test
    void eachTaskIsHandedTheTimeItWasDueNotTheTimeItStarted() throws Exception {
        ConcurrentHashMap<Integer, Long> dues = new ConcurrentHashMap<>();
        Arrivals.run(5, TimeUnit.MILLISECONDS.toNanos(2), dues::put, 2);

        long first = dues.get(0);
        for (int i = 0; i < 5; i++) {
            assertThat(dues.get(i)).isEqualTo(Arrivals.due(first, TimeUnit.MILLISECONDS.toNanos(2), i));
        }
    }

    @Test
    void aWaveServedSlowerThanOfferedIsNotSustained() {
        long interval = TimeUnit.MILLISECONDS.toNanos(60);
        Latencies onTime = lags(0);
        // 1,000 arrivals over 60 s, served in 61 s: held; served in 100 s: work queued without bound
        assertThat(new Arrivals.Outcome(1000, interval, 61, onTime, 20).sustained()).isTrue();
        assertThat(new Arrivals.Outcome(1000, interval, 100, onTime, 400).sustained()).isFalse();
    }

    @Test
    void aDriverThatStartedLoginsLateIsNotASustainedRate() {
        long interval = TimeUnit.MILLISECONDS.toNanos(60);
        assertThat(new Arrivals.Outcome(1000, interval, 61, lags(TimeUnit.MILLISECONDS.toNanos(500)), 20).sustained()).isFalse();
    }

    private static Latencies lags(long nanos) {
        Latencies l = new Latencies();
        for (int i = 0; i < 100; i++) {
            l.add(nanos);
        }
        return l;
    }
}
