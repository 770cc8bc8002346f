/**
 * Containers and their members, as formats: web archives (WARC 1.0/1.1, ARC, WACZ 1.1.1), archives (zip,
 * tar, 7z) and mail (mbox, e-mail attachments). A reader streams a container once and hands each member
 * (a zip entry, a WARC response or resource record, a message, an attachment) to a {@link
 * org.provkit.container.MemberSink} as a staged file with its identity and, for a capture, its URL and
 * time; what is wrong with the container is a warning naming the member and offset. No Tika and no
 * bundle here: the bundle pipeline extracts and attributes each member as a document of its own.
 */
package org.provkit.container;
