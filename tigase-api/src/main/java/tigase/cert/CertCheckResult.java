package tigase.cert;

/** Declared members: only those bm-xmpp uses. */
public enum CertCheckResult {
    trusted,
    self_signed,
    untrusted,
    revoked,
    expired,
    invalid,
    none
}
