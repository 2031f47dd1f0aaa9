package net.bluemind.xmpp.domains.tigase;

import java.util.List;
import tigase.vhosts.VHostItemDefaults;
import tigase.vhosts.VHostItemExtension;
import tigase.vhosts.VHostItemExtensionManager;
import tigase.vhosts.VHostItemImpl;
import tigase.xml.Element;
import tigase.xmpp.jid.JID;

/**
 * A Tigase vhost built from BlueMind: enabled, the server-wide vhost defaults ({@code 'vhost-man' {
 * defaults {..} }}) applied, no in-band registration and no anonymous login (accounts live in BlueMind), and the
 * XEP-0157 contact addresses of the settings {@code abuse-addresses} / {@code admin-addresses} in Tigase's own
 * per-vhost {@code disco-server-info} extension, which Tigase publishes as the
 * {@code http://jabber.org/network/serverinfo} form of the domain's disco#info (none when both are empty).
 */
final class BlueMindVHostItem extends VHostItemImpl {

    /** Tigase 8.4.0's id of {@code BasicComponent.ServerInfoVHostItemExtension}. */
    static final String SERVER_INFO_EXTENSION = "disco-server-info";

    private final List<String> abuseAddresses;
    private final List<String> adminAddresses;

    BlueMindVHostItem(String host, VHostItemExtensionManager extensions, VHostItemDefaults defaults) {
        this(host, extensions, defaults, List.of(), List.of());
    }

    BlueMindVHostItem(String host, VHostItemExtensionManager extensions, VHostItemDefaults defaults,
            List<String> abuseAddresses, List<String> adminAddresses) {
        super(JID.jidInstanceNS(host));
        this.abuseAddresses = List.copyOf(abuseAddresses);
        this.adminAddresses = List.copyOf(adminAddresses);
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

    @Override
    protected VHostItemExtension initExtension(VHostItemExtension extension) {
        VHostItemExtension ext = super.initExtension(extension);
        if (ext != null && abuseAddresses != null && SERVER_INFO_EXTENSION.equals(ext.getId())
                && !(abuseAddresses.isEmpty() && adminAddresses.isEmpty())) {
            Element info = new Element(SERVER_INFO_EXTENSION);
            abuseAddresses.forEach(a -> info.addChild(new Element("abuse", a)));
            adminAddresses.forEach(a -> info.addChild(new Element("admin", a)));
            ext.initFromElement(info);
        }
        return ext;
    }
}
