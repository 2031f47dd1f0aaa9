package tigase.xmpp;

/** Declared members: only those bm-xmpp uses. */
public interface XMPPImplIfc extends Comparable<XMPPImplIfc> {

    String id();
}
