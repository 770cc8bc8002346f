package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class InheritedJvmOptionsTest {

    @Test
    void childrenGetTheClassArchiveAndCompilerSettingsOnly() {
        List<String> parent = List.of("-Dprovkit.stderr.tty=false", "-Dfile.encoding=UTF-8", "-Xss4m", "-XX:+UseSerialGC", "-Xmx1g",
                "-XX:Tier4InvocationThreshold=100000", "-XX:Tier4BackEdgeThreshold=800000", "-XX:CompileCommand=quiet",
                "-XX:CompileCommand=CompileThresholdScaling,sun.security.provider.DigestBase::implCompressMultiBlock0,0.001",
                "-XX:SharedArchiveFile=/opt/provkit/target/provkit.jsa", "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-XX:+ExitOnOutOfMemoryError", "-agentlib:jdwp=transport=dt_socket");
        assertThat(InheritedJvmOptions.select(parent)).containsExactly(
                "-XX:Tier4InvocationThreshold=100000", "-XX:Tier4BackEdgeThreshold=800000", "-XX:CompileCommand=quiet",
                "-XX:CompileCommand=CompileThresholdScaling,sun.security.provider.DigestBase::implCompressMultiBlock0,0.001",
                "-XX:SharedArchiveFile=/opt/provkit/target/provkit.jsa", "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    @Test
    void aJvmStartedWithoutTheLauncherPassesNothing() {
        assertThat(InheritedJvmOptions.select(List.of("-Xmx2g", "-ea"))).isEmpty();
    }
}
