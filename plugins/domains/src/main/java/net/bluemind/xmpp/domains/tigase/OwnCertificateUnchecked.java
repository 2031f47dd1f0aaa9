package net.bluemind.xmpp.domains.tigase;

import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import tigase.cert.CertCheckResult;
import tigase.io.SSLContextContainerIfc;
import tigase.io.TLSStatus;
import tigase.io.TLSWrapper;

/**
 * A client connection's finished TLS handshake as shown to Tigase's {@code IOService.handshakeCompleted}, without the
 * server's own certificate, so that Tigase does not validate it again against its trust store.
 * <p>
 * Why: at the end of every handshake, stock Tigase 8.4.0 validates the certificate it has just presented itself
 * ({@code IOService.handshakeCompleted}: {@code CertificateUtil.validateCertificate(wrapper.getLocalCertificates(),
 * sslContextContainer.getTrustStore(), false)}, a PKIX check against the whole JDK trust store) and keeps the verdict
 * as the session datum {@code IOService.LOCAL_CERT_CHECK_RESULT}. Only server-to-server reads it (its SASL EXTERNAL
 * offer, {@code tigase.server.xmppserver.proc.SaslExternal}); on a client connection it is never read, and it cost
 * 13% of the socket threads' CPU in a login storm (docs/developers-guide.md, "Known Tigase issues", and "Logins
 * 2026-12-07"). Tigase skips that check when the wrapper has no local certificates, which is what this view says.
 * <p>
 * The certificate is still needed on a client connection: Tigase hands it to the session manager for SCRAM's
 * {@code tls-server-end-point} channel binding ({@code IOService.getLocalCertificate()}, read by
 * {@code ClientConnectionManager.tlsHandshakeCompleted}), so {@link #ownCertificate()} keeps it for the connection
 * to answer with ({@link SerializedTlsIOService#getLocalCertificate()}). Everything else is the wrapper's own.
 */
final class OwnCertificateUnchecked implements TLSWrapper {

    private final TLSWrapper tls;
    private final Certificate own;

    /** @param tls the wrapper whose handshake just completed */
    OwnCertificateUnchecked(TLSWrapper tls) {
        this.tls = tls;
        Certificate[] local;
        try {
            local = tls.getLocalCertificates();
        } catch (RuntimeException e) { // Tigase then has no local certificate either
            local = null;
        }
        this.own = local == null || local.length == 0 ? null : local[0];
    }

    /** The certificate the server presented (the first of its chain), or null when it presented none. */
    Certificate ownCertificate() {
        return own;
    }

    /** None, so that Tigase does not validate the server's own certificate. */
    @Override
    public Certificate[] getLocalCertificates() {
        return null;
    }

    @Override
    public int bytesConsumed() {
        return tls.bytesConsumed();
    }

    @Override
    public void close() throws SSLException {
        tls.close();
    }

    @Override
    public int getAppBuffSize() {
        return tls.getAppBuffSize();
    }

    @Override
    public CertCheckResult getCertificateStatus(boolean revocationEnabled, SSLContextContainerIfc sslContextContainer) {
        return tls.getCertificateStatus(revocationEnabled, sslContextContainer);
    }

    @Override
    public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
        return tls.getHandshakeStatus();
    }

    @Override
    public int getNetBuffSize() {
        return tls.getNetBuffSize();
    }

    @Override
    public int getPacketBuffSize() {
        return tls.getPacketBuffSize();
    }

    @Override
    public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException {
        return tls.getPeerCertificates();
    }

    @Override
    public TLSStatus getStatus() {
        return tls.getStatus();
    }

    @Override
    public byte[] getTlsUniqueBindingData() {
        return tls.getTlsUniqueBindingData();
    }

    @Override
    public byte[] getTlsExporterBindingData() {
        return tls.getTlsExporterBindingData();
    }

    @Override
    public boolean isClientMode() {
        return tls.isClientMode();
    }

    @Override
    public boolean isNeedClientAuth() {
        return tls.isNeedClientAuth();
    }

    @Override
    public void setDebugId(String id) {
        tls.setDebugId(id);
    }

    @Override
    public ByteBuffer unwrap(ByteBuffer net, ByteBuffer app) throws SSLException {
        return tls.unwrap(net, app);
    }

    @Override
    public boolean wantClientAuth() {
        return tls.wantClientAuth();
    }

    @Override
    public void wrap(ByteBuffer app, ByteBuffer net) throws SSLException {
        tls.wrap(app, net);
    }

    @Override
    public void notifyIfHandshakeFinished() {
        tls.notifyIfHandshakeFinished();
    }
}
