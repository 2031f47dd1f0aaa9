package net.bluemind.xmpp.calls;

/** Where the secret shared with coturn comes from. */
@FunctionalInterface
public interface SecretSource {

    /** The secret's bytes, never empty. */
    byte[] secret() throws CallsUnavailableException;
}
