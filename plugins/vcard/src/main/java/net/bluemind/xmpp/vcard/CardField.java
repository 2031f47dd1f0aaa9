package net.bluemind.xmpp.vcard;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The parts of a card {@link CardPolicy} shows or hides. The card's own JID is no secret: it was asked for. */
public enum CardField {
    /** FN and N. */
    NAME,
    NICKNAME,
    /** PHOTO in vcard-temp and vCard4, the XEP-0084 avatar (data, metadata and its notification). */
    PHOTO,
    /** ORG: the company and its units. */
    ORG,
    TITLE,
    ROLE,
    EMAIL,
    TEL,
    ADDRESS,
    BIRTHDAY,
    URL,
    NOTE;

    /** What a business card shows: name, nickname, photo, organisation, title. */
    public static final Set<CardField> BUSINESS_CARD = Collections.unmodifiableSet(
            EnumSet.of(NAME, NICKNAME, PHOTO, ORG, TITLE));
    public static final Set<CardField> ALL = Collections.unmodifiableSet(EnumSet.allOf(CardField.class));
}
