package net.bluemind.xmpp.auth.register;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.bluemind.xmpp.auth.register.InBandRegistration.Request;
import org.junit.jupiter.api.Test;

class InBandRegistrationTest {

    @Test
    void aStreamNotLoggedInIsToldAccountsComeFromBlueMind() {
        for (Request r : Request.values()) {
            String text = InBandRegistration.refusal(r, false);
            assertTrue(text.startsWith("Accounts are managed in BlueMind"), text);
            assertTrue(text.contains("does not register accounts"), text);
        }
    }

    @Test
    void aPasswordChangeIsSentToBlueMind() {
        String text = InBandRegistration.refusal(Request.SET, true);
        assertTrue(text.startsWith("Passwords are managed in BlueMind"), text);
    }

    @Test
    void anAccountRemovalIsRefusedWithItsOwnText() {
        assertTrue(InBandRegistration.refusal(Request.REMOVE, true).contains("cannot be removed"));
    }

    @Test
    void aLoggedInFormRequestSaysBothAreBlueMinds() {
        assertTrue(InBandRegistration.refusal(Request.FORM, true).startsWith("Accounts and passwords are managed in BlueMind"));
    }
}
