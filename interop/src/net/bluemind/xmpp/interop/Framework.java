package net.bluemind.xmpp.interop;

import org.igniterealtime.smack.inttest.Configuration;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework;

/** The suite's framework, unchanged; only gives access to the results gathered so far when a run aborts. */
final class Framework extends SmackIntegrationTestFramework {

    Framework(Configuration config) {
        super(config);
    }

    /** The results of the last run(), also when it threw; null when it threw before starting. */
    TestRunResult resultSoFar() {
        return testRunResult;
    }
}
