package org.provkit.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.provkit.catalog.DocumentRecord.ChainHop;
import org.provkit.catalog.DocumentRecord.DocumentUrl;
import org.provkit.catalog.DocumentRecord.MissingAsset;
import org.provkit.verify.Finding;
import org.provkit.verify.Severity;
import org.provkit.verify.VerificationReport;

/** The rules that turn a verification report and the records of a bundle into audit findings. */
public final class FindingRules {

    private static final int ISSUES_NAMED = 3;

    private FindingRules() {
    }

    public static List<CatalogFinding> forBundle(String bundle, VerificationReport report, boolean trustRequested,
            BundleContents contents) {
        List<CatalogFinding> findings = new ArrayList<>();
        if (!report.valid()) {
            findings.add(CatalogFinding.of(FindingCode.INTEGRITY, bundle, null,
                    bundle + " is not valid: " + describeErrors(report.findings())));
        } else {
            // A missing signature is UNSIGNED below; every other warning of a valid bundle is kept.
            List<Finding> warnings = report.findings().stream()
                    .filter(f -> f.severity() == Severity.WARNING && !f.code().equals("W_UNSIGNED")).toList();
            if (!warnings.isEmpty()) {
                findings.add(CatalogFinding.of(FindingCode.INTEGRITY_WARNING, bundle, null,
                        bundle + " is valid, but: " + describe(warnings)));
            }
        }
        if (!report.signed()) {
            findings.add(CatalogFinding.of(FindingCode.UNSIGNED, bundle, null, bundle + " carries no signature"));
        } else if (trustRequested && Boolean.FALSE.equals(report.trusted())) {
            findings.add(CatalogFinding.of(FindingCode.UNTRUSTED, bundle, null,
                    bundle + " is signed by " + (report.signer() == null ? "an unknown signer" : report.signer())
                            + ", who is not among the trusted certificates"));
        }
        for (String problem : contents.problems()) {
            findings.add(CatalogFinding.of(FindingCode.UNREADABLE_RECORD, bundle, null, problem));
        }
        for (BundleContents.Document document : contents.documents()) {
            findings.addAll(forDocument(bundle, document.record()));
        }
        return findings;
    }

    private static String describeErrors(List<Finding> findings) {
        List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        return errors.isEmpty() ? "the verifier reported it invalid" : describe(errors);
    }

    /** The first few findings, code, path and message, and how many more. */
    private static String describe(List<Finding> findings) {
        String named = findings.stream().limit(ISSUES_NAMED)
                .map(f -> f.code() + (f.path().isEmpty() ? "" : " " + f.path()) + " (" + f.message() + ")")
                .collect(Collectors.joining("; "));
        return findings.size() > ISSUES_NAMED ? named + "; and " + (findings.size() - ISSUES_NAMED) + " more" : named;
    }

    public static List<CatalogFinding> forDocument(String bundle, DocumentRecord record) {
        List<CatalogFinding> findings = new ArrayList<>();
        String document = record.path();
        if (record.recordPath() != null && record.chain().isEmpty() && !record.container()) {
            findings.add(CatalogFinding.of(FindingCode.UNATTRIBUTED, bundle, document,
                    document + " has no attribution chain: nobody is named as its origin or publisher"));
        }
        Set<String> urlDomains = new HashSet<>();
        for (DocumentUrl url : record.urls()) {
            if (url.domain() != null) {
                urlDomains.add(url.domain().toLowerCase(Locale.ROOT));
            }
        }
        for (int i = 0; i < record.chain().size(); i++) {
            ChainHop hop = record.chain().get(i);
            boolean publisherOfThisCopy = i == record.chain().size() - 1 && i > 0
                    && (hop.role() == null || hop.role().equalsIgnoreCase("publisher")) && !record.urls().isEmpty();
            if (hop.party() != null && !publisherOfThisCopy && !resolved(hop, urlDomains)) {
                findings.add(CatalogFinding.of(FindingCode.UNRESOLVED_SOURCE, bundle, document,
                        document + " names " + quote(hop.party()) + " as " + (hop.role() == null ? "a source" : hop.role())
                                + (hop.registered() == null ? ", a party the record does not show to be registered,"
                                        : ", a party that is not in the registry,")
                                + " and no URL points to it" + evidenceNote(hop)));
            }
        }
        Map<String, ChainHop> origins = new LinkedHashMap<>();
        for (ChainHop hop : record.chain()) {
            if (hop.party() != null && "origin".equalsIgnoreCase(hop.role())) {
                origins.putIfAbsent(hop.party().toLowerCase(Locale.ROOT), hop);
            }
        }
        if (origins.size() > 1) {
            String claims = origins.values().stream().map(h -> quote(h.party()) + evidenceNote(h))
                    .collect(Collectors.joining(" and "));
            findings.add(CatalogFinding.of(FindingCode.CONFLICTING_ATTRIBUTION, bundle, document,
                    document + " claims " + origins.size() + " different origins: " + claims));
        }
        for (String conflict : record.conflicts()) {
            findings.add(CatalogFinding.of(FindingCode.CONFLICTING_ATTRIBUTION, bundle, document, document + ": " + conflict));
        }
        for (MissingAsset asset : record.missingAssets()) {
            findings.add(CatalogFinding.of(FindingCode.MISSING_ASSET, bundle, document, describe(document, asset)));
        }
        return findings;
    }

    /**
     * (The last hop, the publisher of the archived copy, is resolved by the document's own URLs.)
     * A hop is resolved when its party is in the registry, or when a URL ties to it: the hop carries
     * one, or a domain of the document's URLs is the party's name (e.g. {@code cubadebate.cu} and
     * "Cubadebate").
     */
    static boolean resolved(ChainHop hop, Set<String> documentDomains) {
        if (Boolean.TRUE.equals(hop.registered()) || !hop.domains().isEmpty()) {
            return true;
        }
        String name = squash(hop.party());
        if (name.isEmpty()) {
            return false;
        }
        for (String domain : documentDomains) {
            String host = domain.startsWith("www.") ? domain.substring(4) : domain;
            String firstLabel = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
            if (name.equals(squash(host)) || name.equals(squash(firstLabel))) {
                return true;
            }
        }
        return false;
    }

    private static String squash(String text) {
        StringBuilder out = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String evidenceNote(ChainHop hop) {
        return hop.evidenceTexts().isEmpty() ? "" : " (evidence: " + hop.evidenceTexts().stream().limit(2)
                .map(FindingRules::quote).collect(Collectors.joining(", ")) + ")";
    }

    private static String describe(String document, MissingAsset asset) {
        StringBuilder message = new StringBuilder(document).append(" lost ")
                .append(asset.kind() == null ? "an asset" : withArticle(asset.kind()));
        if (asset.marker() != null) {
            message.append(": ").append(quote(asset.marker()));
        }
        if (asset.line() != null) {
            message.append(" at line ").append(asset.line());
        }
        if (asset.reason() != null) {
            message.append(" (").append(asset.target() == null ? "" : asset.target() + ": ").append(asset.reason()).append(')');
        }
        if (asset.credit() != null) {
            message.append(", credited to ").append(asset.credit());
        }
        return message.toString();
    }

    private static String withArticle(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.isEmpty() ? 'x' : noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
