package net.bluemind.xmpp.domains.caps;

import java.util.List;

/**
 * What an entity answers to disco#info (XEP-0030), as XEP-0115 hashes it: identities, features and extended
 * forms (XEP-0128), values as character data (unescaped), in the order they came.
 */
public record DiscoInfo(List<Identity> identities, List<String> features, List<Form> forms) {

    public DiscoInfo {
        identities = List.copyOf(identities);
        features = List.copyOf(features);
        forms = List.copyOf(forms);
    }

    /** An {@code <identity/>}; a missing {@code xml:lang} or {@code name} is the empty string. */
    public record Identity(String category, String type, String lang, String name) {

        public Identity {
            category = orEmpty(category);
            type = orEmpty(type);
            lang = orEmpty(lang);
            name = orEmpty(name);
        }

        /** {@code category/type/lang/name}, the identity's line in the verification string and its identity for duplicates. */
        public String key() {
            return category + "/" + type + "/" + lang + "/" + name;
        }
    }

    /** A data form: its {@code FORM_TYPE} value (null when it has none) and its other fields in order. */
    public record Form(String formType, List<Field> fields) {

        public Form {
            fields = List.copyOf(fields);
        }
    }

    /** A form field: its {@code var} and values. */
    public record Field(String var, List<String> values) {

        public Field {
            var = orEmpty(var);
            values = List.copyOf(values);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
