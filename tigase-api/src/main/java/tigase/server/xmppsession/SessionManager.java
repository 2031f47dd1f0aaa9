package tigase.server.xmppsession;

/** Declared members: only those bm-xmpp uses (the class, as the parent of session-manager beans). */
public class SessionManager {
}
