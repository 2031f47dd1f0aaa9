package net.bluemind.xmpp.vcard.render;

import java.util.Base64;
import java.util.Locale;
import net.bluemind.xmpp.vcard.Contact;
import net.bluemind.xmpp.vcard.xml.XmlNode;

/** XEP-0292: a {@link Contact} in the xCard format of RFC 6351, {@code <vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'>}. */
public final class VCard4Renderer {

    public static final String XMLNS = "urn:ietf:params:xml:ns:vcard-4.0";

    private VCard4Renderer() {
    }

    public static XmlNode render(Contact c) {
        XmlNode v = withoutPhoto(c);
        c.photo().ifPresent(p -> v.child("photo").textChild("uri",
                "data:" + p.mimeType() + ";base64," + Base64.getEncoder().encodeToString(p.bytes())));
        return v;
    }

    /**
     * The card without PHOTO: the payload of the XEP-0292 PEP item, where the avatar travels through XEP-0084
     * (keeps notifications small).
     */
    public static XmlNode withoutPhoto(Contact c) {
        XmlNode v = XmlNode.root("vcard", XMLNS);
        text(v, "fn", c.formattedName());
        if (!c.name().isEmpty()) {
            v.child("n").textChild("surname", c.name().family()).textChild("given", c.name().given())
                    .textChild("additional", c.name().middle()).textChild("prefix", c.name().prefix())
                    .textChild("suffix", c.name().suffix());
        }
        text(v, "nickname", c.nickname());
        c.birthday().ifPresent(d -> v.child("bday").textChild("date", d.toString()));
        for (Contact.Address a : c.addresses()) {
            v.child("adr").textChild("pobox", a.poBox()).textChild("ext", a.extended()).textChild("street", a.street())
                    .textChild("locality", a.locality()).textChild("region", a.region())
                    .textChild("code", a.postalCode()).textChild("country", a.country());
        }
        for (Contact.Tel t : c.tels()) {
            XmlNode tel = v.child("tel");
            XmlNode type = tel.child("parameters").child("type");
            for (Contact.TelType tt : Contact.TelType.values()) {
                if (t.types().contains(tt)) {
                    type.child("text").text(tt == Contact.TelType.CELL ? "cell" : tt.name().toLowerCase(Locale.ROOT));
                }
            }
            tel.textChild("uri", "tel:" + t.number());
        }
        for (Contact.Email e : c.emails()) {
            XmlNode email = v.child("email");
            if (!e.types().isEmpty()) {
                XmlNode params = email.child("parameters");
                if (e.types().contains(Contact.EmailType.WORK) || e.types().contains(Contact.EmailType.HOME)) {
                    XmlNode type = params.child("type");
                    if (e.types().contains(Contact.EmailType.WORK)) {
                        type.child("text").text("work");
                    }
                    if (e.types().contains(Contact.EmailType.HOME)) {
                        type.child("text").text("home");
                    }
                }
                if (e.types().contains(Contact.EmailType.PREF)) {
                    params.child("pref").textChild("integer", "1");
                }
            }
            email.textChild("text", e.address());
        }
        if (!c.jid().isEmpty()) {
            v.child("impp").textChild("uri", "xmpp:" + c.jid());
        }
        text(v, "title", c.title());
        text(v, "role", c.role());
        if (!c.org().isEmpty()) {
            XmlNode org = v.child("org");
            org.textChild("text", c.org().name());
            c.org().units().forEach(u -> org.textChild("text", u));
        }
        c.urls().forEach(u -> v.child("url").textChild("uri", u));
        text(v, "note", c.note());
        return v;
    }

    private static void text(XmlNode v, String property, String value) {
        if (!value.isEmpty()) {
            v.child(property).textChild("text", value);
        }
    }
}
