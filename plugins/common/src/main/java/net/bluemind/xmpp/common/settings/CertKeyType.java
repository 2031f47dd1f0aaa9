package net.bluemind.xmpp.common.settings;

/** Key algorithm of generated self-signed certificates. */
public enum CertKeyType {
    EC_P256, RSA_3072
}
