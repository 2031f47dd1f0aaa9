package tigase.db;

/** Declared members: only those bm-xmpp uses (none: it names the type). */
public interface DataSource extends Repository {
}
