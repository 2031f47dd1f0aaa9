package net.bluemind.xmpp.vcard.render;

import java.util.Base64;
import net.bluemind.xmpp.vcard.Contact;
import net.bluemind.xmpp.vcard.xml.XmlNode;

/** XEP-0054: a {@link Contact} as {@code <vCard xmlns='vcard-temp'>}. Empty fields are left out. */
public final class VCardTempRenderer {

    public static final String XMLNS = "vcard-temp";

    private VCardTempRenderer() {
    }

    public static XmlNode render(Contact c) {
        XmlNode v = XmlNode.root("vCard", XMLNS);
        v.textChild("FN", c.formattedName());
        if (!c.name().isEmpty()) {
            v.child("N").textChild("FAMILY", c.name().family()).textChild("GIVEN", c.name().given())
                    .textChild("MIDDLE", c.name().middle()).textChild("PREFIX", c.name().prefix())
                    .textChild("SUFFIX", c.name().suffix());
        }
        v.textChild("NICKNAME", c.nickname());
        c.birthday().ifPresent(d -> v.textChild("BDAY", d.toString()));
        for (Contact.Address a : c.addresses()) {
            v.child("ADR").textChild("POBOX", a.poBox()).textChild("EXTADD", a.extended())
                    .textChild("STREET", a.street()).textChild("LOCALITY", a.locality())
                    .textChild("REGION", a.region()).textChild("PCODE", a.postalCode()).textChild("CTRY", a.country());
        }
        for (Contact.Tel t : c.tels()) {
            XmlNode tel = v.child("TEL");
            for (Contact.TelType type : Contact.TelType.values()) {
                if (t.types().contains(type)) {
                    tel.child(type.name());
                }
            }
            tel.textChild("NUMBER", t.number());
        }
        for (Contact.Email e : c.emails()) {
            XmlNode email = v.child("EMAIL");
            email.child("INTERNET");
            for (Contact.EmailType type : Contact.EmailType.values()) {
                if (e.types().contains(type)) {
                    email.child(type.name());
                }
            }
            email.textChild("USERID", e.address());
        }
        v.textChild("JABBERID", c.jid());
        v.textChild("TITLE", c.title());
        v.textChild("ROLE", c.role());
        if (!c.org().isEmpty()) {
            XmlNode org = v.child("ORG").textChild("ORGNAME", c.org().name());
            c.org().units().forEach(u -> org.textChild("ORGUNIT", u));
        }
        c.urls().forEach(u -> v.textChild("URL", u));
        v.textChild("NOTE", c.note());
        c.photo().ifPresent(p -> v.child("PHOTO").textChild("TYPE", p.mimeType())
                .textChild("BINVAL", Base64.getEncoder().encodeToString(p.bytes())));
        return v;
    }
}
