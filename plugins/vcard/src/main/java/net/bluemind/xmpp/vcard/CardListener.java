package net.bluemind.xmpp.vcard;

/**
 * Told when the card (name, title, company, phones... anything but the photo, which {@link AvatarListener}
 * covers) of a user whose presence went out has changed, so the adapter can notify the XEP-0292 and XEP-0172
 * subscribers.
 */
@FunctionalInterface
public interface CardListener {

    /**
     * @param jid the user's bare JID
     * @param contact the card now served
     */
    void cardChanged(String jid, Contact contact);
}
