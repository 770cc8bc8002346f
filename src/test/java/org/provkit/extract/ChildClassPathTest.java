package org.provkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ChildClassPathTest {

    private static final String SEP = File.pathSeparator;

    @Test
    void theCodeSourceComesFirstAndIsNotRepeated() {
        assertThat(ChildClassPath.of("/app/provkit-spark.jar", "/spark/jars/a.jar" + SEP + "/app/provkit-spark.jar"))
                .isEqualTo("/app/provkit-spark.jar" + SEP + "/spark/jars/a.jar");
    }

    @Test
    void anApplicationJarMissingFromJavaClassPathIsStillOnTheChildsPath() {
        // spark-submit: the JVM's class path is Spark's jars, the application is loaded by its own loader
        assertThat(ChildClassPath.of("/tmp/userFiles/provkit-spark.jar", "/opt/spark/jars/*"))
                .startsWith("/tmp/userFiles/provkit-spark.jar" + SEP);
    }

    @Test
    void withoutACodeSourceTheJvmsClassPathIsUsed() {
        assertThat(ChildClassPath.of(null, "a.jar" + SEP + SEP + "b.jar")).isEqualTo("a.jar" + SEP + "b.jar");
    }

    @Test
    void provkitsOwnClassesAreFoundWhereTheyWereLoadedFrom() {
        String source = ChildClassPath.codeSourceOf(ExtractionWorker.class);
        assertThat(source).isNotNull();
        assertThat(Files.exists(Path.of(source).resolve("org/provkit/extract/ExtractionWorker.class"))
                || source.endsWith(".jar")).isTrue();
        assertThat(ChildClassPath.current()).startsWith(source);
        assertThat(ChildClassPath.codeSourceOf(String.class)).isNull();
    }
}
