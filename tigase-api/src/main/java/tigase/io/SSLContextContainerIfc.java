package tigase.io;

/** Declared members: only those bm-xmpp uses (none: it appears in {@link TLSWrapper}'s signatures). */
public interface SSLContextContainerIfc {
}
