package tigase.xmpp.impl.annotation;

import tigase.xmpp.XMPPProcessor;

/** Declared members: only those bm-xmpp uses. */
public abstract class AnnotatedXMPPProcessor extends XMPPProcessor {
}
