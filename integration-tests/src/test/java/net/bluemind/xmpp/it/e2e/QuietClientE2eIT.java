package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A client that only listens gets everything meant for it without having to write again. In stock Tigase 8.4.0 a
 * stanza queued for a connection while another thread was finishing a write there waited until the client next wrote
 * (an answer to an IQ the socket thread had just read, a message while another was being written): a phone that sent
 * its request and waits, or a client after resuming, saw nothing (docs/developers-guide.md, "Known Tigase issues",
 * "Stranded stanzas"; fixed by DrainingWriteLock). Each answer and message must arrive within a few seconds while the
 * client is silent. The race is narrow: these cases did not hit it on stock Tigase in 2,500 pipelined pings and 400
 * simultaneous messages (DrainingWriteLockTest shows the mechanism); they guard the outcome. 300 bursts of 3 pings
 * stay under Tigase's c2s traffic throttling (2,500 stanzas a minute per connection, then disconnect).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuietClientE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Far above a loaded CI machine's answer time, far below "until the client writes". */
    private static final Duration SILENCE = Duration.ofSeconds(5);
    private static final Pattern ID = Pattern.compile("\\sid=[\"']([^\"']+)[\"']");
    private static final Pattern BODY = Pattern.compile("<body>([^<]*)</body>");

    private E2eStack stack;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
    }

    private String user(String name) {
        String email = "quiet-" + name + "-" + RUN + "@" + DOMAIN;
        stack.core.addUser(email, name + "-pw", "hasIM");
        return email;
    }

    @Test
    void everyAnswerComesWhileTheClientWaitsSilently() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        String email = user("asker");
        int bursts = Integer.getInteger("bmx.e2e.quiet-bursts", 300);
        int perBurst = 3; // pipelined as clients do after login: answers queued back to back, the race's window
        List<Integer> stranded = new ArrayList<>();
        try (RawXmppStream s = RawXmppStream.bound(DOMAIN, email, "asker-pw", "asker")) {
            s.readTimeout(SILENCE);
            for (int b = 0; b < bursts && stranded.size() < 3; b++) {
                StringBuilder burst = new StringBuilder();
                for (int i = 0; i < perBurst; i++) {
                    burst.append("<iq type='get' id='ping-").append(b).append('-').append(i).append("' to='").append(DOMAIN)
                            .append("'><ping xmlns='urn:xmpp:ping'/></iq>");
                }
                s.send(burst.toString());
                for (int i = 0; i < perBurst; i++) {
                    String id = "ping-" + b + "-" + i;
                    try {
                        assertThat(id(s.readElement("iq"))).isEqualTo(id);
                    } catch (SocketTimeoutException silent) {
                        stranded.add(b);
                        s.readTimeout(Duration.ofSeconds(15));
                        s.send(" "); // what a client's next write (here a whitespace keep-alive) did on stock Tigase
                        assertThat(id(s.readElement("iq"))).as("answer %s, after the client wrote again", id).isEqualTo(id);
                        s.readTimeout(SILENCE);
                    }
                }
            }
        }
        System.out.println("e2e quiet client: " + stranded.size() + " of " + bursts + " bursts of " + perBurst
                + " pings had an answer wait for the client to write again: " + stranded);
        assertThat(stranded).as("bursts with an answer that came only after the client wrote again").isEmpty();
    }

    @Test
    void messagesFromSeveralSendersAtOnceAllReachAListeningClient() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        String listener = user("listener");
        int senders = 4;
        int rounds = Integer.getInteger("bmx.e2e.quiet-rounds", 50);
        List<RawXmppStream> from = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try (RawXmppStream quiet = RawXmppStream.bound(DOMAIN, listener, "listener-pw", "phone")) {
            quiet.send("<presence/>");
            for (int i = 0; i < senders; i++) {
                from.add(RawXmppStream.bound(DOMAIN, user("sender" + i), "sender" + i + "-pw", "desk"));
            }
            quiet.readTimeout(SILENCE);
            int late = 0;
            for (int round = 0; round < rounds; round++) {
                int r = round;
                List<Future<?>> sent = new ArrayList<>();
                Set<String> expected = new HashSet<>();
                for (int i = 0; i < senders; i++) {
                    RawXmppStream s = from.get(i);
                    String body = "r" + r + "-s" + i;
                    expected.add(body);
                    sent.add(pool.submit(() -> {
                        s.send("<message to='" + listener + "/phone' type='chat'><body>" + body + "</body></message>");
                        return null;
                    }));
                }
                for (Future<?> f : sent) {
                    f.get(30, TimeUnit.SECONDS);
                }
                while (!expected.isEmpty()) {
                    String message;
                    try {
                        message = quiet.readElement("message");
                    } catch (SocketTimeoutException silent) {
                        late++;
                        quiet.readTimeout(Duration.ofSeconds(15));
                        quiet.send(" ");
                        message = quiet.readElement("message");
                        quiet.readTimeout(SILENCE);
                    }
                    Matcher b = BODY.matcher(message);
                    if (b.find()) {
                        expected.remove(b.group(1));
                    }
                }
            }
            System.out.println("e2e quiet client: " + late + " of " + rounds + " rounds of " + senders
                    + " simultaneous messages waited for the listener to write again");
            assertThat(late).as("rounds with a message left queued until the listener wrote").isZero();
        } finally {
            pool.shutdownNow();
            from.forEach(RawXmppStream::close);
        }
    }

    private static String id(String element) {
        Matcher m = ID.matcher(element);
        return m.find() ? m.group(1) : element;
    }
}
