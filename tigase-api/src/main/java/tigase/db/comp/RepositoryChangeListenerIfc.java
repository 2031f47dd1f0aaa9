package tigase.db.comp;

public interface RepositoryChangeListenerIfc<Item extends RepositoryItem> {

    void itemAdded(Item item);

    void itemUpdated(Item item);

    void itemRemoved(Item item);
}
