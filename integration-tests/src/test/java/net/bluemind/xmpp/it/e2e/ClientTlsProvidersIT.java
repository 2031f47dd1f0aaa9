package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Security;
import javax.crypto.Cipher;
import org.jivesoftware.smack.SmackConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The e2e clients' TLS must run on the JDK's own ciphers. Smack's OpenPGP/OMEMO modules (pulled by smack-java8-full)
 * move Bouncy Castle to the first provider position, and a BC AES-GCM under the JDK's TLS failed records at random
 * ("mac check in GCM failed"): CI went red on a certificate probe that had nothing wrong.
 */
class ClientTlsProvidersIT {

    @Test
    void smackLeavesTheJdkCryptoProvidersFirst() throws Exception {
        SmackConfiguration.getDefaultReplyTimeout(); // loads Smack and runs its initializers
        assertThat(Security.getProviders()[0].getName()).isEqualTo("SUN");
        assertThat(Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName()).isEqualTo("SunJCE");
    }
}
