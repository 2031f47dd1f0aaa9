package tigase.db.comp;

/** Declared members: only those bm-xmpp uses. */
public abstract class RepositoryItemAbstract implements RepositoryItem {

    public RepositoryItemAbstract() {
    }
}
