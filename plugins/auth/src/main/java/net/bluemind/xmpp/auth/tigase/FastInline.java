package net.bluemind.xmpp.auth.tigase;

import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.auth.AuthOutcome;
import net.bluemind.xmpp.auth.fast.HtSha256;
import net.bluemind.xmpp.auth.fast.IssuedToken;
import tigase.db.UserRepository;
import tigase.kernel.beans.Bean;
import tigase.kernel.beans.Initializable;
import tigase.kernel.beans.Inject;
import tigase.server.xmppsession.SessionManager;
import tigase.xml.Element;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.impl.SaslAuth2;

/**
 * FAST (XEP-0484) inside SASL2: Tigase's {@code SaslAuth2} is given every {@code SaslAuth2.Inline} bean of the
 * session manager (as Bind2 and stream management are), so this bean advertises
 * {@code <fast><mechanism>HT-SHA-256-NONE</mechanism></fast>} in {@code <inline/>}, and when a success is built
 * puts the client's token in it: a new one after a password login that carried {@code <request-token/>}, or the
 * one a FAST login renewed. It also hands Tigase's user repository to the token store.
 */
@Bean(name = "urn:xmpp:fast:0", parent = SessionManager.class, active = true)
public class FastInline implements SaslAuth2.Inline, Initializable {

    private static final Logger LOG = Logger.getLogger(FastInline.class.getName());

    @Inject
    private UserRepository userRepository;

    @Override
    public void initialize() {
        try {
            AuthRuntime.get().tokenStore.use(userRepository);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "bm-xmpp auth engine unavailable: no FAST tokens", e);
        }
    }

    static boolean fastEnabled() {
        try {
            return AuthRuntime.get().fastTokens.enabled();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean canHandle(XMPPResourceConnection connection, Element el) {
        return Sasl2Session.FAST_XMLNS.equals(el.getXMLNS())
                && ("request-token".equals(el.getName()) || "fast".equals(el.getName()));
    }

    @Override
    public Element[] supStreamFeatures(SaslAuth2.Inline.Action action) {
        if (action != SaslAuth2.Inline.Action.sasl2 || !fastEnabled()) {
            return null;
        }
        Element fast = new Element("fast");
        fast.setXMLNS(Sasl2Session.FAST_XMLNS);
        fast.addChild(new Element("mechanism", HtSha256.MECHANISM));
        return new Element[] {fast};
    }

    @Override
    public CompletableFuture<SaslAuth2.Inline.Result> process(XMPPResourceConnection session, Element action) {
        Element token = null;
        try {
            token = tokenFor(new Sasl2Session(session), action);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "no FAST token for this login", e);
        }
        return CompletableFuture.completedFuture(new SaslAuth2.Inline.Result(token, true));
    }

    private static Element tokenFor(Sasl2Session session, Element action) {
        IssuedToken renewed = session.takeFreshToken(); // a FAST login that renewed its token
        if (renewed != null) {
            return element(renewed);
        }
        if (!"request-token".equals(action.getName())
                || !HtSha256.MECHANISM.equals(action.getAttributeStaticStr("mechanism"))) {
            return null;
        }
        AuthOutcome.Success login = session.takeLogin();
        String agent = session.agentId();
        if (login == null || agent == null || agent.isBlank() || !fastEnabled()) {
            return null; // a FAST login (its renewal is above), no user-agent id, or FAST off
        }
        IssuedToken issued = AuthRuntime.get().fastTokens.issue(login.login(), login.identity(), agent);
        LOG.fine(() -> "FAST token issued to " + login.login() + ", expires " + issued.expiry());
        return element(issued);
    }

    private static Element element(IssuedToken t) {
        return new Element("token", new String[] {"xmlns", "expiry", "token"},
                new String[] {Sasl2Session.FAST_XMLNS, t.expiry().toString(), t.token()});
    }
}
