package tigase.util.dns;

/** Declared members: only those bm-xmpp uses. */
public interface DNSResolverIfc {

    String getDefaultHost();
}
