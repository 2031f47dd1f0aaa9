package tigase.xml;

/** Declared members: only those bm-xmpp uses. */
@SuppressWarnings("rawtypes")
public interface XMLNodeIfc<T extends XMLNodeIfc> extends Comparable<T>, Cloneable {

    T clone();

    String toStringSecure();

    String toStringPretty();
}
