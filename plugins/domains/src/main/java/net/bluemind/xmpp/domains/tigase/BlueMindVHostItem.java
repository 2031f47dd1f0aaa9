package net.bluemind.xmpp.domains.tigase;

import tigase.vhosts.VHostItemDefaults;
import tigase.vhosts.VHostItemExtensionManager;
import tigase.vhosts.VHostItemImpl;
import tigase.xmpp.jid.JID;

/**
 * A Tigase vhost built from BlueMind: enabled, the server-wide vhost defaults ({@code 'vhost-man' {
 * defaults {..} }}) applied, no in-band registration and no anonymous login (accounts live in BlueMind).
 */
final class BlueMindVHostItem extends VHostItemImpl {

    BlueMindVHostItem(String host, VHostItemExtensionManager extensions, VHostItemDefaults defaults) {
        super(JID.jidInstanceNS(host));
        if (extensions != null) {
            setExtensionManager(extensions);
        }
        if (defaults != null) {
            initializeFromDefaults(defaults);
        }
        setEnabled(true);
        setRegisterEnabled(false);
        setAnonymousEnabled(false);
    }
}
