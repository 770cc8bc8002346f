package org.provkit.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.ExitCode;
import org.provkit.ProvkitException;

class KeyLocationsTest {

    @TempDir
    Path dir;

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void xdgConfigHomeThenHomeThenUserHome() {
        assertThat(KeyLocations.resolve(Map.of("XDG_CONFIG_HOME", "/x/config", "HOME", "/h"), properties("user.home", "/u")).dir())
                .isEqualTo(Path.of("/x/config/provkit"));
        assertThat(KeyLocations.resolve(Map.of("HOME", "/h"), properties("user.home", "/u")).dir())
                .isEqualTo(Path.of("/h/.config/provkit"));
        assertThat(KeyLocations.resolve(Map.of(), properties("user.home", "/u")).keyFile())
                .isEqualTo(Path.of("/u/.config/provkit/signing-key.pem"));
        assertThat(KeyLocations.resolve(Map.of(), properties("user.home", "/u")).certFile())
                .isEqualTo(Path.of("/u/.config/provkit/signing-cert.pem"));
    }

    @Test
    void aRelativeOrEmptyXdgConfigHomeIsIgnoredAsTheSpecSays() {
        assertThat(KeyLocations.resolve(Map.of("XDG_CONFIG_HOME", "relative", "HOME", "/h"), properties()).dir())
                .isEqualTo(Path.of("/h/.config/provkit"));
        assertThat(KeyLocations.resolve(Map.of("XDG_CONFIG_HOME", "", "HOME", "/h"), properties()).dir())
                .isEqualTo(Path.of("/h/.config/provkit"));
    }

    @Test
    void theSystemPropertyBeatsTheEnvironment() {
        assertThat(KeyLocations.resolve(Map.of("XDG_CONFIG_HOME", "/x"), properties(KeyLocations.DIR_PROPERTY, "/t/keys")).dir())
                .isEqualTo(Path.of("/t/keys"));
    }

    @Test
    void passwordIsTheFirstLineOfTheFileElseTheVariable() throws Exception {
        Path crlf = Files.writeString(dir.resolve("crlf"), "pass word\r\nsecond line\r\n");
        assertThat(KeyPassword.resolve(crlf, Map.of(KeyPassword.ENV, "env"))).hasValueSatisfying(
                p -> assertThat(new String(p)).isEqualTo("pass word"));
        assertThat(KeyPassword.resolve(null, Map.of(KeyPassword.ENV, "env"))).hasValueSatisfying(
                p -> assertThat(new String(p)).isEqualTo("env"));
        assertThat(KeyPassword.resolve(null, Map.of(KeyPassword.ENV, ""))).isEmpty();
        assertThat(KeyPassword.resolve(null, Map.of())).isEmpty();
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> KeyPassword.resolve(empty, Map.of()))
                .isInstanceOfSatisfying(ProvkitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
        assertThatThrownBy(() -> KeyPassword.resolve(dir.resolve("missing"), Map.of()))
                .isInstanceOfSatisfying(ProvkitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNREADABLE))
                .hasMessageContaining("missing");
    }
}
