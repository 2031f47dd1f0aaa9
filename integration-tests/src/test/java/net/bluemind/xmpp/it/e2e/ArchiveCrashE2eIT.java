package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;

/**
 * Tigase killed with SIGKILL in the middle of a stream of messages between two users, then restarted: every
 * message the recipient received is in Elasticsearch, exactly once (the spool written before routing is
 * replayed, and a replay of what ES already had makes no duplicate).
 */
class ArchiveCrashE2eIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyMessageDeliveredBeforeAKillMinus9IsInTheArchiveOnceAfterTheRestart() throws Exception {
        E2eStack stack = E2eStack.get();
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        String tag = "crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();

        XMPPTCPConnection alice = XmppClients.login("alice@bluemind.test", "alice-pw");
        XMPPTCPConnection bob = XmppClients.login("bob@bluemind.test", "bob-pw");
        bob.addSyncStanzaListener(s -> {
            String body = ((Message) s).getBody();
            if (body != null && body.startsWith(tag)) {
                received.add(body);
            }
        }, s -> s instanceof Message);
        Thread sender = new Thread(() -> {
            try {
                for (int i = 0; i < 100_000 && alice.isConnected(); i++) {
                    alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(XmppClients.jid("bob@bluemind.test"))
                            .ofType(Message.Type.chat).setBody(tag + " n" + i).build());
                    sent.incrementAndGet();
                    Thread.sleep(30); // ~33 a second: a stream under Tigase's 2,500 stanzas a minute (cm-traffic-throttling)
                }
            } catch (Exception e) {
                // the server is gone: the stream ends here
            }
        }, "crash-e2e-sender");
        try {
            sender.start();
            awaitCondition(Duration.ofSeconds(60), "bob received 300 messages", () -> received.size() >= 300);
            stack.tigase.kill();
            sender.join(30_000);
            // the client may still hand over stanzas it read before the socket closed: take them all
            awaitStable(received);
        } finally {
            alice.disconnect();
            bob.disconnect();
            stack.restartWith(Map.of()); // the other e2e classes need the server: started again in any case
        }
        System.out.println("e2e crash: " + sent.get() + " sent, " + received.size() + " received by bob before kill -9");

        Map<String, Integer> archived;
        Instant deadline = Instant.now().plusSeconds(60);
        do {
            archived = archivedBodies(stack, tag);
        } while (!archived.keySet().containsAll(received) && Instant.now().isBefore(deadline) && pause());
        List<String> missing = new ArrayList<>(received);
        missing.removeAll(archived.keySet());
        assertThat(missing).as("delivered to bob but not archived after the restart").isEmpty();
        assertThat(archived).as("archived more than once").allSatisfy((body, n) -> assertThat(n).as(body).isEqualTo(1));
    }

    /** Body to the number of documents holding it, for this run's messages. */
    private Map<String, Integer> archivedBodies(E2eStack stack, String tag) throws Exception {
        http.send(HttpRequest.newBuilder(stack.es.resolve("/im_read_alias/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String q = "{\"size\":10000,\"_source\":[\"message\"],\"query\":{\"match\":{\"message\":\"" + tag + "\"}}}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(stack.es.resolve("/im_read_alias/_search"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(q)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode hit : JSON.readTree(r.body()).path("hits").path("hits")) {
            out.merge(hit.path("_source").path("message").asText(), 1, Integer::sum);
        }
        return out;
    }

    private static boolean pause() {
        try {
            Thread.sleep(500);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the set stops growing for a second (the client's reader has handed over all it read). */
    private static void awaitStable(Set<String> received) throws InterruptedException {
        int before;
        do {
            before = received.size();
            Thread.sleep(1000);
        } while (received.size() != before);
    }

    private static void awaitCondition(Duration max, String what, java.util.function.BooleanSupplier c)
            throws InterruptedException {
        Instant end = Instant.now().plus(max);
        while (!c.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not within " + max + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
