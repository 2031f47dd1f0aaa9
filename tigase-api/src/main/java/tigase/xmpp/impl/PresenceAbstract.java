package tigase.xmpp.impl;

import tigase.xmpp.XMPPProcessorIfc;
import tigase.xmpp.impl.annotation.AnnotatedXMPPProcessor;

/** Declared members: only those bm-xmpp uses. */
public abstract class PresenceAbstract extends AnnotatedXMPPProcessor implements XMPPProcessorIfc {
}
