package org.provkit.container;

import java.util.List;

/**
 * One member of a container, as its reader found it.
 *
 * @param identity  which member it is
 * @param capture   for a web capture, its URL, time and status; null otherwise
 * @param mediaType the media type the container declares for it (an HTTP Content-Type), or null
 * @param warnings  what is wrong with this member, each naming it
 */
public record Member(MemberIdentity identity, Capture capture, String mediaType, List<String> warnings) {

    public String name() {
        return identity.name();
    }
}
