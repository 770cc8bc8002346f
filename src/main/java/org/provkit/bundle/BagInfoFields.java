package org.provkit.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.provkit.ProvkitException;
import org.provkit.bag.BagInfo;

/**
 * The bag-info.txt fields the archivist gives (bagit.py's options: Contact-Name, Contact-Email,
 * External-Description, Bag-Group-Identifier, ..., and any {@code --bag-info LABEL=VALUE}). The fields
 * provkit computes from the payload cannot be given: they would lie.
 */
public final class BagInfoFields {

    /** Computed by provkit from what it bundles (RFC 8493 §2.2.2). */
    static final Set<String> COMPUTED = Set.of("payload-oxum", "bag-size", "bagging-date", "bag-software-agent");

    private BagInfoFields() {
    }

    /** One field, checked: a label without colon, line break or surrounding space; a value on one line. */
    public static BagInfo.Entry field(String label, String value) {
        if (COMPUTED.contains(label.strip().toLowerCase(Locale.ROOT))) {
            throw ProvkitException.usage("bag-info field " + label + " is computed by provkit from the payload; it cannot be given");
        }
        if (value == null || value.isBlank()) {
            throw ProvkitException.usage("bag-info field " + label + " needs a value");
        }
        try {
            return new BagInfo.Entry(label, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProvkitException.usage("bag-info field " + label + ": " + e.getMessage()
                    + " (a label has no ':' nor spaces around it; a value is one line)");
        }
    }

    /** {@code LABEL=VALUE}, as {@code --bag-info} takes it. */
    public static BagInfo.Entry parse(String labelEqualsValue) {
        int equals = labelEqualsValue.indexOf('=');
        if (equals <= 0) {
            throw ProvkitException.usage("--bag-info " + labelEqualsValue + ": write LABEL=VALUE, e.g. --bag-info "
                    + "Internal-Sender-Identifier=box-12");
        }
        return field(labelEqualsValue.substring(0, equals).strip(), labelEqualsValue.substring(equals + 1));
    }

    /** {@code info} with the given fields after provkit's own; a given External-Description replaces provkit's. */
    static BagInfo merge(BagInfo info, List<BagInfo.Entry> given) {
        boolean description = given.stream().anyMatch(e -> e.label().equalsIgnoreCase("External-Description"));
        List<BagInfo.Entry> entries = new ArrayList<>();
        for (BagInfo.Entry entry : info.entries()) {
            if (!(description && entry.label().equalsIgnoreCase("External-Description"))) {
                entries.add(entry);
            }
        }
        entries.addAll(given);
        return new BagInfo(entries);
    }
}
