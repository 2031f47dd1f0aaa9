package tigase.db.comp;

import java.util.Collection;
import java.util.Map;
import tigase.db.Repository;
import tigase.db.TigaseDBException;

/** Every abstract member is declared, so that an implementation compiled against this is complete. */
public interface ComponentRepository<Item extends RepositoryItem> extends Iterable<Item>, Repository {

    String COMP_REPO_BIND = "comp_repo";

    void addRepoChangeListener(RepositoryChangeListenerIfc<Item> repoChangeListener);

    void removeRepoChangeListener(RepositoryChangeListenerIfc<Item> repoChangeListener);

    void addItem(Item item) throws TigaseDBException;

    void addItemNoStore(Item item);

    Collection<Item> allItems() throws TigaseDBException;

    boolean contains(String key);

    void destroy();

    @Deprecated
    void getDefaults(Map<String, Object> defs, Map<String, Object> params);

    Item getItem(String key);

    Item getItemInstance();

    void reload() throws TigaseDBException;

    void removeItem(String key) throws TigaseDBException;

    void removeItemNoStore(String key);

    @Deprecated
    void setProperties(Map<String, Object> properties);

    int size();

    void store() throws TigaseDBException;

    String validateItem(Item item);

    void setAutoloadTimer(long delay);
}
