package tigase.muc;

/** Declared members (tigase-muc 3.4.0): the constants (bm-xmpp reads their names). */
public enum Affiliation {
    outcast, none, member, admin, owner
}
