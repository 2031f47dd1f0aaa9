package tigase.db;

/** Declared members: only those bm-xmpp uses. */
public interface NonAuthUserRepository {
}
