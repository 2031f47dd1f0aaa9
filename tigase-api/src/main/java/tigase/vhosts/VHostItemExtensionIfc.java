package tigase.vhosts;

import tigase.xml.Element;

/** Declared members: only those bm-xmpp uses. */
public interface VHostItemExtensionIfc<T extends VHostItemExtension<T>> {

    String getId();

    void initFromElement(Element item);
}
