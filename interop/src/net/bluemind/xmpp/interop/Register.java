package net.bluemind.xmpp.interop;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jxmpp.jid.parts.Localpart;

/**
 * Creates accounts by in-band registration (XEP-0077), for the baseline server that keeps its own users:
 * {@code Register DOMAIN HOST user:password...}. An account that exists already (conflict) is fine. TLS is checked
 * against the JVM's trust store (javax.net.ssl.trustStore: the served certificate).
 */
public final class Register {

    private Register() {
    }

    public static void main(String[] args) throws Exception {
        XMPPTCPConnection.setUseStreamManagementDefault(false);
        for (int i = 2; i < args.length; i++) {
            String[] up = args[i].split(":", 2);
            XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(args[0]).setHost(args[1]).build());
            try {
                c.connect();
                // Tigase's registration form requires an email (not-acceptable without one)
                AccountManager.getInstance(c).createAccount(Localpart.from(up[0]), up[1],
                        new java.util.HashMap<>(java.util.Map.of("email", up[0] + "@" + args[0]))); // Smack adds to it
                System.out.println("registered " + up[0] + "@" + args[0]);
            } catch (org.jivesoftware.smack.XMPPException.XMPPErrorException e) {
                if (e.getStanzaError().getCondition() != org.jivesoftware.smack.packet.StanzaError.Condition.conflict) {
                    throw e;
                }
                System.out.println("exists already: " + up[0] + "@" + args[0]);
            } finally {
                c.disconnect();
            }
        }
    }
}
