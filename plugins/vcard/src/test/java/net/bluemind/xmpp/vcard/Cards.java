package net.bluemind.xmpp.vcard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.bluemind.xmpp.common.core.VCard;
import net.bluemind.xmpp.common.core.VCard.Attribute;
import net.bluemind.xmpp.common.core.VCard.Parameter;

/** bm-core VCards used by the tests. */
public final class Cards {

    public static final String AWKWARD_NOTE = "Loves <xml> & \"quotes\" \u0007bell\u0000 ]]> 😀";
    public static final String AWKWARD_NOTE_CLEANED = "Loves <xml> & \"quotes\" bell ]]> 😀";

    private Cards() {
    }

    public static VCard rich() {
        return new VCard(
                new VCard.Identification(new VCard.Value("Dr. Jeanne O'Brien-Müller"),
                        new VCard.Name("O'Brien-Müller", "Jeanne", "Marie", "Dr.", "PhD"), new VCard.Value("jom"),
                        LocalDate.of(1980, 2, 29).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), true),
                new VCard.Communications(List.of(
                        new Attribute("jeanne@acme.test", List.of(new Parameter("TYPE", "work"), new Parameter("PREF", "1"))),
                        new Attribute("jeanne@home.test", List.of(new Parameter("TYPE", "home")))),
                        List.of(new Attribute("+33 1 23 45 67 89", List.of(new Parameter("TYPE", "work,voice"))),
                                new Attribute("+33 6 00 00 00 01", List.of(new Parameter("TYPE", "cell"))),
                                new Attribute("+33 1 23 45 67 90", List.of(new Parameter("TYPE", "work"), new Parameter("TYPE", "fax"))),
                                new Attribute("+33 4 00 00 00 02", List.of(new Parameter("TYPE", "home")))),
                        List.of()),
                new VCard.Organizational("Head of <R&D>", "Architect", new VCard.Org("ACME & Sons", "Engineering", "Platform")),
                List.of(new VCard.DeliveryAddressing(new VCard.Address("BP 12", "Bât. B", "1 rue de la Paix", "Paris",
                        "Île-de-France", "75002", "France"))),
                new VCard.Explanatory(List.of(new VCard.Value("https://acme.test/~jeanne?a=1&b=2")), AWKWARD_NOTE));
    }

    public static VCard minimal(String formattedName) {
        return new VCard(new VCard.Identification(new VCard.Value(formattedName), null, null, null, false), null, null,
                null, null);
    }
}
