package tigase.vhosts;

/** Declared members: only those bm-xmpp uses. */
public interface VHostManagerIfc {

    boolean isLocalDomain(String domain);

    boolean isLocalDomainOrComponent(String domain);
}
