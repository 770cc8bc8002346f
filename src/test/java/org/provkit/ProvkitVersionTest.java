package org.provkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProvkitVersionTest {

    @Test
    void theVersionIsTheBuildsWhateverJarOrFolderTheClassesCameFrom() {
        // Run from target/classes, where no jar manifest exists: the version still comes through.
        assertThat(ProvkitVersion.get()).isEqualTo(System.getProperty("provkit.build.version"));
        assertThat(ProvkitVersion.agent()).startsWith("provkit " + System.getProperty("provkit.build.version") + " ");
    }
}
