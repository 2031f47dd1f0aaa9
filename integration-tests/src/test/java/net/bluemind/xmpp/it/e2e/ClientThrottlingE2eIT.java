package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;

/**
 * The client throttling written in etc/init.properties ({@code --cm-traffic-throttling}, 2,500 stanzas a minute
 * per connection) is the one in force: a connection sending 2,000 stanzas in a burst stays, one sending far more is
 * disconnected. Tigase counts in fixed one-minute windows (its per-minute task resets every connection's counter), so
 * a burst that straddles a reset is split in two: the over-limit burst is 5,100 stanzas, so that one window always
 * holds more than 2,500 (a CI run with a 2,600 burst split by a reset saw the connection stay).
 */
class ClientThrottlingE2eIT {

    @Test
    void aConnectionSendingMoreThan2500StanzasInAMinuteIsDisconnectedAndOneUnderItIsNot() throws Exception {
        E2eStack stack = E2eStack.get();
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        assertThat(stack.tigase.effectiveConfig()).contains("trafficThrottling = 'xmpp:2500:0:disc,bin:20m:0:disc'");

        XMPPTCPConnection under = XmppClients.loginWithoutStreamManagement("frank@bluemind.test", "frank-pw");
        XMPPTCPConnection over = XmppClients.loginWithoutStreamManagement("grace@acme.test", "grace-pw");
        try {
            burst(under, 2_000);
            assertThat(PingManager.getInstanceFor(under).pingMyServer(true, 10_000)).as("2,000 stanzas: still served").isTrue();

            burst(over, 5_100);
            Instant deadline = Instant.now().plusSeconds(20);
            while (over.isConnected() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(over.isConnected()).as("5,100 stanzas in a burst (over 2,500 in one minute window): disconnected").isFalse();
            assertThat(under.isConnected()).isTrue();
        } finally {
            under.disconnect();
            over.disconnect();
        }
    }

    /** Sends that many presences as fast as it can; a connection the server cuts ends the burst. */
    private static void burst(XMPPTCPConnection c, int stanzas) {
        try {
            for (int i = 0; i < stanzas && c.isConnected(); i++) {
                c.sendStanza(c.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available)
                        .setStatus("burst " + i).build());
            }
        } catch (SmackException.NotConnectedException | InterruptedException e) {
            // Smack shuts its send queue down once the server has closed the connection (what the test expects)
        }
    }
}
