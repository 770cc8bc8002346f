package org.provkit.cli;

import java.util.ArrayList;
import java.util.List;

import org.provkit.bag.BagInfo;
import org.provkit.bundle.BagInfoFields;

import picocli.CommandLine.Option;

/** bag-info.txt fields of {@code bundle}, named as bagit.py names them. */
public final class BagInfoOptions {

    @Option(names = {"--organization", "--source-organization"}, paramLabel = "NAME",
            description = "Source-Organization: the organization the bundle comes from.")
    String organization;

    @Option(names = "--organization-address", paramLabel = "TEXT", description = "Organization-Address.")
    String organizationAddress;

    @Option(names = "--contact-name", paramLabel = "NAME", description = "Contact-Name: the person to ask about the bundle.")
    String contactName;

    @Option(names = "--contact-phone", paramLabel = "PHONE", description = "Contact-Phone.")
    String contactPhone;

    @Option(names = "--contact-email", paramLabel = "EMAIL", description = "Contact-Email.")
    String contactEmail;

    @Option(names = "--external-description", paramLabel = "TEXT",
            description = "External-Description (default: how many documents, with text, records and provenance).")
    String externalDescription;

    @Option(names = "--external-identifier", paramLabel = "ID",
            description = "An External-Identifier besides the documents' canonical URLs (repeatable).")
    List<String> externalIdentifiers;

    @Option(names = "--bag-group-identifier", paramLabel = "ID", description = "Bag-Group-Identifier: the group of bundles "
            + "this one belongs to.")
    String bagGroupIdentifier;

    @Option(names = "--bag-count", paramLabel = "N of T", description = "Bag-Count, e.g. \"2 of 5\".")
    String bagCount;

    @Option(names = "--internal-sender-identifier", paramLabel = "ID", description = "Internal-Sender-Identifier.")
    String internalSenderIdentifier;

    @Option(names = "--internal-sender-description", paramLabel = "TEXT", description = "Internal-Sender-Description.")
    String internalSenderDescription;

    @Option(names = "--bag-info", paramLabel = "LABEL=VALUE",
            description = "Any other bag-info.txt field (repeatable), e.g. --bag-info Rights=CC-BY-4.0.")
    List<String> generic;

    /** The Source-Organization, or null. */
    String organization() {
        return organization;
    }

    /** Every field given but Source-Organization, checked, in bagit.py's order then the generic ones. */
    List<BagInfo.Entry> fields() {
        List<BagInfo.Entry> fields = new ArrayList<>();
        add(fields, "Organization-Address", organizationAddress);
        add(fields, "Contact-Name", contactName);
        add(fields, "Contact-Phone", contactPhone);
        add(fields, "Contact-Email", contactEmail);
        add(fields, "External-Description", externalDescription);
        if (externalIdentifiers != null) {
            externalIdentifiers.forEach(id -> add(fields, "External-Identifier", id));
        }
        add(fields, "Bag-Group-Identifier", bagGroupIdentifier);
        add(fields, "Bag-Count", bagCount);
        add(fields, "Internal-Sender-Identifier", internalSenderIdentifier);
        add(fields, "Internal-Sender-Description", internalSenderDescription);
        if (generic != null) {
            generic.forEach(field -> fields.add(BagInfoFields.parse(field)));
        }
        return fields;
    }

    private static void add(List<BagInfo.Entry> fields, String label, String value) {
        if (value != null) {
            fields.add(BagInfoFields.field(label, value));
        }
    }
}
