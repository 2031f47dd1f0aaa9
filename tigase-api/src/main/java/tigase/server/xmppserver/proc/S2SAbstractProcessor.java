package tigase.server.xmppserver.proc;

/** Declared members: only those bm-xmpp uses. */
public abstract class S2SAbstractProcessor extends S2SAbstract {

    public S2SAbstractProcessor() {
    }
}
