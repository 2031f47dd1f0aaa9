package net.bluemind.xmpp.common.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The part of BlueMind's VCard that bm-xmpp uses. Spellings (formatedName, extentedAddress) are BlueMind's. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VCard(Identification identification, Communications communications, Organizational organizational,
        List<DeliveryAddressing> deliveryAddressing, Explanatory explanatory) {

    public VCard {
        deliveryAddressing = deliveryAddressing == null ? List.of() : List.copyOf(deliveryAddressing);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Identification(Value formatedName, Name name, Value nickname, Long birthday, Boolean photo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Value(String value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Name(String familyNames, String givenNames, String additionalNames, String prefixes,
            String suffixes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Communications(List<Attribute> emails, List<Attribute> tels, List<Attribute> impps) {
        public Communications {
            emails = emails == null ? List.of() : List.copyOf(emails);
            tels = tels == null ? List.of() : List.copyOf(tels);
            impps = impps == null ? List.of() : List.copyOf(impps);
        }
    }

    /** A value with vCard parameters; parameter {@code TYPE} carries work/home/cell/fax... */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attribute(String value, List<Parameter> parameters) {
        public Attribute {
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Parameter(String label, String value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organizational(String title, String role, Org org) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Org(String company, String division, String department) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeliveryAddressing(Address address) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String postOfficeBox, String extentedAddress, String streetAddress, String locality,
            String region, String postalCode, String countryName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Explanatory(List<Value> urls, String note) {
        public Explanatory {
            urls = urls == null ? List.of() : List.copyOf(urls);
        }
    }
}
