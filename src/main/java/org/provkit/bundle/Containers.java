package org.provkit.bundle;

import org.provkit.container.ContainerFormat;
import org.provkit.container.ContainerReader;
import org.provkit.container.SevenZMembers;
import org.provkit.container.TarMembers;
import org.provkit.container.WaczMembers;
import org.provkit.container.WarcMembers;
import org.provkit.container.ZipMembers;

/** The reader of each container format. */
final class Containers {

    private Containers() {
    }

    static ContainerReader reader(ContainerFormat format) {
        return switch (format) {
            case WARC, ARC -> new WarcMembers();
            case WACZ -> new WaczMembers();
            case ZIP -> new ZipMembers();
            case TAR -> new TarMembers();
            case SEVEN_Z -> new SevenZMembers();
            case MBOX -> new org.provkit.container.MboxMembers();
        };
    }
}
