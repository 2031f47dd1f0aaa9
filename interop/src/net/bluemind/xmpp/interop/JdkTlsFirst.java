package net.bluemind.xmpp.interop;

import java.security.Provider;
import java.security.Security;
import java.util.logging.Logger;

/**
 * Keeps the JDK's own providers first. The suite's OMEMO and OpenPGP tests insert Bouncy Castle at the head of the
 * JVM's providers; the JDK's TLS then runs on BC's AES-GCM, which fails a record now and then ("Tag mismatch!",
 * "Unsupported or unrecognized SSL message", a handshake cut): the same client-side fault bm-xmpp's own e2e suite
 * hit with smack-java8-full. Bouncy Castle stays available, last.
 */
final class JdkTlsFirst {

    private static final Logger LOG = Logger.getLogger(JdkTlsFirst.class.getName());

    private JdkTlsFirst() {
    }

    static void ensure() {
        Provider[] providers = Security.getProviders();
        int sunJce = -1;
        for (int i = 0; i < providers.length; i++) {
            if (providers[i].getName().equals("SunJCE")) {
                sunJce = i;
            }
        }
        for (int i = 0; i < sunJce; i++) {
            Provider p = providers[i];
            if (p.getName().startsWith("BC")) {
                Security.removeProvider(p.getName());
                Security.addProvider(p);
                LOG.info(() -> "security provider " + p.getName() + " moved after the JDK's own");
            }
        }
    }
}
