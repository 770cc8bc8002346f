package org.provkit.container;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which member of its container a document is, in the container's own terms.
 *
 * @param kind       {@code entry} (zip, tar, 7z), {@code warc-record}, {@code message} (mbox) or {@code page} (WACZ)
 * @param name       the member's name in the bundle, relative to its container's folder
 * @param entryName  the entry's name exactly as the archive writes it, when it differs from {@code name} or
 *                   for archive entries
 * @param recordId   the WARC-Record-ID
 * @param recordType the WARC-Type ({@code response}, {@code resource}, {@code revisit})
 * @param offset     where the member starts in its container's bytes (a WARC record's header, an mbox
 *                   message's {@code From } line); null where the format has no such place
 * @param messageId  an e-mail's Message-ID
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberIdentity(String kind, String name, String entryName, String recordId, String recordType, Long offset,
        String messageId) {

    public static final String ENTRY = "entry";
    public static final String WARC_RECORD = "warc-record";
    public static final String MESSAGE = "message";

    public static MemberIdentity entry(String name, String entryName, Long offset) {
        return new MemberIdentity(ENTRY, name, entryName, null, null, offset, null);
    }

    public static MemberIdentity warcRecord(String name, String recordId, String recordType, Long offset) {
        return new MemberIdentity(WARC_RECORD, name, null, recordId, recordType, offset, null);
    }

    public static MemberIdentity message(String name, String messageId, Long offset) {
        return new MemberIdentity(MESSAGE, name, null, null, null, offset, messageId);
    }

    /** How a warning names the member: its name, record ID or message ID, and offset. */
    public String describe() {
        StringBuilder out = new StringBuilder(entryName != null ? entryName : name);
        if (recordId != null) {
            out.append(" (").append(recordId).append(')');
        } else if (messageId != null) {
            out.append(" (").append(messageId).append(')');
        }
        if (offset != null) {
            out.append(" at offset ").append(offset);
        }
        return out.toString();
    }
}
