package tigase.db.comp;

/** Declared members: only those bm-xmpp uses. */
public interface RepositoryItem {

    String getKey();
}
