package tigase.util.dns;

/** Declared members: only those bm-xmpp uses. */
public class DNSResolverFactory {

    public static DNSResolverIfc getInstance() {
        throw new UnsupportedOperationException();
    }
}
