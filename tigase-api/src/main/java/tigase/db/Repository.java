package tigase.db;

/** Declared members: only those bm-xmpp uses (the deprecated initRepository default is omitted). */
public interface Repository {
}
