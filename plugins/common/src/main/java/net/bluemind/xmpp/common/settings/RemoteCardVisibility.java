package net.bluemind.xmpp.common.settings;

/**
 * What a requester on another XMPP server gets of a local user's card (vcard-temp, vCard4, nick, avatar); users
 * of this installation always get the whole card. A "contact" is a remote account the user shares presence with
 * (its roster item's subscription is 'from' or 'both'); the business card is name, nickname, photo,
 * organisation and title. Whoever gets nothing is answered exactly as for an address that does not exist.
 */
public enum RemoteCardVisibility {
    /** Nothing to anyone outside. */
    NONE,
    /** The business card to contacts, nothing to others (the default). */
    CONTACTS_BUSINESS_CARD,
    /** The whole card to contacts, nothing to others. */
    CONTACTS_FULL,
    /** The business card to anyone, contact or not (addresses can then be probed). */
    EVERYONE_BUSINESS_CARD,
    /** The whole card to anyone (bm-xmpp before this setting existed). */
    EVERYONE_FULL
}
