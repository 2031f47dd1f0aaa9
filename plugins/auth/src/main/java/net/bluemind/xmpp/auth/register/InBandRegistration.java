package net.bluemind.xmpp.auth.register;

/**
 * XEP-0077 in-band registration on a BlueMind server: accounts and passwords are BlueMind's, so every
 * {@code jabber:iq:register} request the server itself answers (registration form, new account, password change,
 * account removal) is refused with {@code not-allowed} (type cancel) and a text saying where it is done instead.
 */
public final class InBandRegistration {

    /** What a {@code jabber:iq:register} request to the server asks for. */
    public enum Request {
        /** a {@code get}: the registration form (or, logged in, one's registration). */
        FORM,
        /** a {@code set} without {@code <remove/>}: a new account, or a logged-in user's password change. */
        SET,
        /** a {@code set} with {@code <remove/>}: delete the account. */
        REMOVE
    }

    public static final String CONDITION = "not-allowed";

    private InBandRegistration() {
    }

    /** The text of the {@code not-allowed} answer to {@code request} from a stream that is (or not) logged in. */
    public static String refusal(Request request, boolean loggedIn) {
        if (!loggedIn) {
            return "Accounts are managed in BlueMind: this server does not register accounts; ask your BlueMind "
                    + "administrator for one.";
        }
        switch (request) {
            case SET:
                return "Passwords are managed in BlueMind: change yours in BlueMind, not through XMPP.";
            case REMOVE:
                return "Accounts are managed in BlueMind: an account cannot be removed through XMPP.";
            case FORM:
            default:
                return "Accounts and passwords are managed in BlueMind: there is nothing to register or change "
                        + "through XMPP.";
        }
    }
}
