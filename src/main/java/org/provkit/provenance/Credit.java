package org.provkit.provenance;

/**
 * Who is credited for one asset of the document ({@code Foto: ACN}, a figcaption, IPTC Credit Line).
 *
 * @param asset      {@code image}, {@code video}, {@code graphic} or {@code audio}
 * @param party      canonical registry name when the credit names a registered party, else the credit as written
 * @param evidence   the credit line
 * @param registered whether {@code party} is in the registry
 */
public record Credit(String asset, String party, Evidence evidence, boolean registered) {
}
