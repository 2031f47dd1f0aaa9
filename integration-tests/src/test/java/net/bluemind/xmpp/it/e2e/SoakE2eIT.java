package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.testkit.services.ArchiveCount;
import net.bluemind.xmpp.testkit.services.DedicatedElasticsearch;
import net.bluemind.xmpp.testkit.services.RabbitMqService;
import net.bluemind.xmpp.testkit.tigase.ProcessSample;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The soak run (scripts/soak.sh; skipped unless -Dbmx.soak.minutes is set, never in CI): steady chat between two
 * users, a third logging in, fetching a vCard and logging out every 10 s, RabbitMQ restarted at a third of the
 * run and Elasticsearch (a node of this test's own) at two thirds. Every minute Tigase's heap after a full GC,
 * its thread count and open files are sampled and printed; at the end they must be flat, and every message sent
 * must have reached the recipient and Elasticsearch.
 */
class SoakE2eIT {


    private record Sample(int minute, ProcessSample of) {
        long heapKb() {
            return of.heapKb();
        }

        long threads() {
            return of.threads();
        }

        long files() {
            return of.files();
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.HOURS) // bounded by scripts/soak.sh; not the suite's 10-minute default
    void steadyLoadWithBrokerAndStoreRestartsLeaksNothingAndLosesNothing() throws Exception {
        int minutes = Integer.getInteger("bmx.soak.minutes", 0);
        assumeTrue(minutes > 0, "soak skipped: run scripts/soak.sh (sets -Dbmx.soak.minutes)");
        E2eStack stack = E2eStack.get();
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        String tag = "soak" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<Sample> samples = new ArrayList<>();
        Set<String> received = ConcurrentHashMap.newKeySet();
        int sent = 0;
        try (DedicatedElasticsearch own = new DedicatedElasticsearch().startFresh()) {
            stack.restartWith(Map.of("es-urls", own.url().toString()));
            XMPPTCPConnection alice = XmppClients.login("alice@bluemind.test", "alice-pw");
            XMPPTCPConnection bob = XmppClients.login("bob@bluemind.test", "bob-pw");
            bob.addSyncStanzaListener(s -> {
                String body = ((Message) s).getBody();
                if (body != null && body.startsWith(tag)) {
                    received.add(body);
                }
            }, s -> s instanceof Message);
            try {
                Instant start = Instant.now();
                int minute = 0;
                for (int second = 0; second < minutes * 60; second++) {
                    for (int i = 0; i < 5; i++) {
                        alice.sendStanza(alice.getStanzaFactory().buildMessageStanza()
                                .to(XmppClients.jid("bob@bluemind.test")).ofType(Message.Type.chat)
                                .setBody(tag + " n" + sent++).build());
                    }
                    if (second % 10 == 0) {
                        XMPPTCPConnection frank = XmppClients.login("frank@bluemind.test", "frank-pw");
                        assertThat(VCardManager.getInstanceFor(frank).loadVCard(XmppClients.jid("alice@bluemind.test"))
                                .getFirstName()).isNotNull();
                        frank.disconnect();
                    }
                    if (second % 60 == 0) {
                        samples.add(sample(minute++, stack.tigase.pid()));
                        System.out.println("soak " + samples.get(samples.size() - 1) + ", sent " + sent + ", received "
                                + received.size());
                    }
                    if (second == minutes * 20) {
                        RabbitMqService.restart();
                    }
                    if (second == minutes * 40) {
                        own.restart();
                    }
                    long due = start.plusSeconds(second + 1).toEpochMilli() - System.currentTimeMillis();
                    if (due > 0) {
                        Thread.sleep(due);
                    }
                }
                samples.add(sample(minute, stack.tigase.pid()));
                int total = sent;
                long deadline = System.currentTimeMillis() + 120_000;
                while ((received.size() < total || archived(own.url(), tag) < total) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(1000);
                }
                System.out.println("soak samples (minute, heap KB after full GC, threads, open files): " + samples);
                assertThat(received).as("messages bob received of " + total).hasSize(total);
                assertThat(archived(own.url(), tag)).as("messages in Elasticsearch").isEqualTo(total);
            } finally {
                alice.disconnect();
                bob.disconnect();
                stack.restartWith(Map.of("es-urls", stack.es.toString()));
            }
        }
        Sample first = samples.get(Math.min(2, samples.size() - 1)); // after warm-up
        Sample last = samples.get(samples.size() - 1);
        assertThat(last.heapKb()).as("heap after full GC, flat").isLessThan(first.heapKb() * 3 / 2 + 32 * 1024);
        assertThat(last.threads()).as("threads, flat").isLessThanOrEqualTo(first.threads() + 10);
        assertThat(last.files()).as("open files, flat").isLessThanOrEqualTo(first.files() + 20);
    }

    private long archived(URI es, String tag) throws Exception {
        return ArchiveCount.withWord(es, tag);
    }

    private static Sample sample(int minute, long pid) throws Exception {
        return new Sample(minute, ProcessSample.of(pid));
    }
}
