package tigase.xmpp.impl.push;

import tigase.xml.Element;

/** Declared members: only those bm-xmpp uses. */
public interface PushNotificationsAware {

    default Element[] getDiscoFeatures() {
        return new Element[0];
    }

    default void processEnableElement(Element enableEl, Element settingsEl) {
    }
}
