package tigase.vhosts;

/** Declared members: only those bm-xmpp uses (none: it is only injected and passed on). */
public class VHostItemDefaults {

    public VHostItemDefaults() {
    }
}
