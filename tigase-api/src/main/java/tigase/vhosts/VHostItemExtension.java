package tigase.vhosts;

/** Declared members: only those bm-xmpp uses. */
public abstract class VHostItemExtension<T extends VHostItemExtension<T>> implements VHostItemExtensionIfc<T> {
}
