package net.bluemind.xmpp.domains.delivery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 6121 8.5.2 for stanzas to a user's bare JID, case by case; on a real server: BareJidDeliveryE2eIT. */
class BareJidRulesTest {

    @Test
    void aGroupchatMessageToAUsersBareJidIsRefused() {
        assertTrue(BareJidRules.refusesGroupchat("message", "groupchat", true, false, true));
    }

    @Test
    void groupchatToARoomAFullJidOrAnotherServerIsNot() {
        assertFalse(BareJidRules.refusesGroupchat("message", "groupchat", true, false, false)); // room service, remote
        assertFalse(BareJidRules.refusesGroupchat("message", "groupchat", true, true, true)); // a resource: RFC 8.5.3
        assertFalse(BareJidRules.refusesGroupchat("message", "groupchat", false, false, true)); // the server itself
    }

    @Test
    void otherMessagesAndStanzasAreNot() {
        for (String type : new String[] {null, "chat", "normal", "headline", "error"}) {
            assertFalse(BareJidRules.refusesGroupchat("message", type, true, false, true), type);
        }
        assertFalse(BareJidRules.refusesGroupchat("presence", "groupchat", true, false, true));
        assertFalse(BareJidRules.refusesGroupchat("iq", "groupchat", true, false, true));
    }

    @Test
    void tigasesDefaultAnswerForABareJidBecomesServiceUnavailable() {
        assertTrue(BareJidRules.isUnhandledBareJidIq("feature-not-implemented", "The feature is not supported yet.", true, false));
        assertTrue(BareJidRules.isUnhandledBareJidIq("feature-not-implemented", "\n  The feature is not supported yet.\n", true, false));
    }

    @Test
    void otherErrorsAreLeftAsTheyAre() {
        // a resource's own answer, a processor's own feature-not-implemented, the server's or a component's
        assertFalse(BareJidRules.isUnhandledBareJidIq("feature-not-implemented", "The feature is not supported yet.", true, true));
        assertFalse(BareJidRules.isUnhandledBareJidIq("feature-not-implemented", null, true, false));
        assertFalse(BareJidRules.isUnhandledBareJidIq("feature-not-implemented", "Not supported", true, false));
        assertFalse(BareJidRules.isUnhandledBareJidIq("feature-not-implemented", "The feature is not supported yet.", false, false));
        assertFalse(BareJidRules.isUnhandledBareJidIq("item-not-found", "The feature is not supported yet.", true, false));
    }
}
