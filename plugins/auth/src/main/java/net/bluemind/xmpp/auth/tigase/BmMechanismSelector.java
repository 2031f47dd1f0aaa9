package net.bluemind.xmpp.auth.tigase;

import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import javax.security.sasl.SaslServerFactory;
import net.bluemind.xmpp.auth.fast.HtSha256;
import tigase.auth.DefaultMechanismSelector;
import tigase.xmpp.XMPPResourceConnection;

/**
 * Bean {@code 'sess-man'/'sasl-provider'/'mechanism-selector'}: Tigase's selector (its {@code allowed-mechanisms},
 * TLS required), with the FAST mechanism accepted but not listed ({@link UnlistedMechanisms}), and dropped
 * altogether when {@code fast-token-ttl} is 0.
 */
public class BmMechanismSelector extends DefaultMechanismSelector {

    private static final List<String> FAST = List.of(HtSha256.MECHANISM);

    @Override
    public Collection<String> filterMechanisms(Enumeration<SaslServerFactory> serverFactories,
            XMPPResourceConnection session) {
        Collection<String> all = super.filterMechanisms(serverFactories, session);
        if (!FastInline.fastEnabled()) {
            return new UnlistedMechanisms(all.stream().filter(m -> !FAST.contains(m)).toList(), FAST);
        }
        return new UnlistedMechanisms(all, FAST);
    }
}
