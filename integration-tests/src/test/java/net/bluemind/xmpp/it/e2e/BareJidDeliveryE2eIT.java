package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Stanzas to a user's bare JID as RFC 6121 8.5.2 wants them (BareJidGroupchat, BareJidIqErrors;
 * docs/developers-guide.md, "Known Tigase issues"): a groupchat message is refused with service-unavailable and
 * reaches none of the user's resources (Tigase delivered it), an IQ nothing on the server handles is answered
 * service-unavailable (Tigase: feature-not-implemented), once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BareJidDeliveryE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final RunUsers people = new RunUsers(RUN);
    private E2eStack stack;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
        if (stack != null) {
            people.addTo(stack, "bja", "bjb");
        }
    }

    @AfterAll
    void disconnect() {
        people.disconnectAll();
    }

    private XMPPTCPConnection user(String name) throws Exception {
        return people.login(name);
    }

    private EntityBareJid jidOf(String name) throws Exception {
        return XmppClients.jid(people.email(name));
    }

    @Test
    void aGroupchatMessageToABareJidIsRefusedAndNotDelivered() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        XMPPTCPConnection a = user("bja");
        XMPPTCPConnection b = user("bjb");
        BlockingQueue<Stanza> atB = new LinkedBlockingQueue<>();
        b.addAsyncStanzaListener(atB::add, s -> s instanceof Message && s.getFrom() != null
                && s.getFrom().asBareJid().equals(a.getUser().asBareJid()));
        Message m = a.getStanzaFactory().buildMessageStanza().to(jidOf("bjb")).ofType(Message.Type.groupchat)
                .setBody("not for a person " + RUN).build();
        Stanza answer;
        try (StanzaCollector c = a.createStanzaCollectorAndSend(new StanzaIdFilter(m.getStanzaId()), m)) {
            answer = c.nextResult(5_000);
            assertThat(answer).as("an error within 5 s").isNotNull();
            Stanza second = c.nextResult(1_000);
            assertThat(second).as("a second answer").isNull();
        }
        assertThat(answer.getError()).isNotNull();
        assertThat(answer.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);
        assertThat(answer.getFrom().toString()).isEqualTo(jidOf("bjb").toString());
        assertThat(atB.poll(1, TimeUnit.SECONDS)).as("delivered to the recipient").isNull();

        // a chat message still goes through
        a.sendStanza(a.getStanzaFactory().buildMessageStanza().to(jidOf("bjb")).ofType(Message.Type.chat)
                .setBody("for a person " + RUN).build());
        assertThat(atB.poll(5, TimeUnit.SECONDS)).as("a chat message").isNotNull();
    }

    @Test
    void anIqNobodyHandlesAtABareJidIsServiceUnavailable() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        XMPPTCPConnection a = user("bja");
        user("bjb");
        IQ request = new IQ("made-up", "urn:bm-xmpp:test:" + RUN) {
            @Override
            protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
                xml.setEmptyElement();
                return xml;
            }
        };
        request.setType(IQ.Type.get);
        request.setTo(jidOf("bjb"));
        assertThatThrownBy(() -> a.sendIqRequestAndWaitForResponse(request))
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(e.getStanzaError().getCondition())
                        .isEqualTo(StanzaError.Condition.service_unavailable));
    }
}
