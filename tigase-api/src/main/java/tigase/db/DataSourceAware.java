package tigase.db;

import tigase.component.exceptions.RepositoryException;

/** Declared members: only those bm-xmpp uses. */
public interface DataSourceAware<T extends DataSource> {

    void setDataSource(T dataSource) throws RepositoryException;
}
