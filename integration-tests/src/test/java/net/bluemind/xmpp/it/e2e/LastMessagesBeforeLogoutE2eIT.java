package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a client sends just before it closes its stream is delivered and archived, as a phone app that sends a message
 * and goes to the background, or Smack's {@code disconnect()} right after {@code send}. Stock Tigase 8.4.0 let the
 * session's end overtake the last stanzas in its priority queues and refused them with not-authorized (fixed by
 * StreamCloseLast; docs/developers-guide.md, "Known Tigase issues").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LastMessagesBeforeLogoutE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private E2eStack stack;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
    }

    private String user(String name) {
        String email = "bye-" + name + "-" + RUN + "@" + DOMAIN;
        stack.core.addUser(email, name + "-pw", "hasIM");
        return email;
    }

    @Test
    void messagesSentRightBeforeTheStreamClosesAreDeliveredAndArchived() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        String reader = user("reader");
        String writer = user("writer");
        int logouts = Integer.getInteger("bmx.e2e.last-words-logouts", 10);
        List<String> said = new ArrayList<>();
        try (RawXmppStream inbox = RawXmppStream.bound(DOMAIN, reader, "reader-pw", "desk")) {
            inbox.send("<presence/>");
            for (int l = 0; l < logouts; l++) {
                try (RawXmppStream out = RawXmppStream.bound(DOMAIN, writer, "writer-pw", "phone")) {
                    StringBuilder lastWords = new StringBuilder();
                    for (int i = 0; i < 3; i++) {
                        String body = "byeword" + l + "x" + i + RUN;
                        said.add(body);
                        lastWords.append("<message to='").append(reader).append("/desk' type='chat'><body>").append(body)
                                .append("</body></message>");
                    }
                    // the three messages and the stream's end in one write, as a client that logs out at once
                    out.send(lastWords + "</stream:stream>");
                }
            }
            List<String> missing = new ArrayList<>();
            for (String body : said) {
                try {
                    inbox.readUntil(body);
                } catch (java.net.SocketTimeoutException e) {
                    missing.add(body);
                    break; // the rest would time out too: report what came
                }
            }
            System.out.println("e2e last words: " + (said.size() - missing.size()) + " of " + said.size()
                    + " messages sent right before a logout delivered in order; first missing: " + missing);
            assertThat(missing).as("messages sent right before the sender's stream closed, not delivered").isEmpty();
        }
        PeerClients.assertArchivedOnce(stack.es, said);
    }
}
