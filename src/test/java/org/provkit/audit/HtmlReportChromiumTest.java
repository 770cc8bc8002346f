package org.provkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.catalog.CatalogUpdater;
import org.provkit.catalog.TestBundles;

/**
 * Renders the HTML report in headless Chromium (Debian's {@code chromium}): the page must paint (not one
 * colour), log no console error or blocked fetch, run its one script (allowed by its hash, nothing else is),
 * and hold the party graph with Prensa Latina → Radio Habana Cuba. Skipped only when Chromium is not installed. Set {@code -Dprovkit.html.keep=DIR} to keep
 * the page and its screenshot for a look.
 */
class HtmlReportChromiumTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path work;

    @Test
    void theReportRendersInChromiumWithTheAttributionGraph() throws Exception {
        Path archives = Files.createDirectories(work.resolve("archives"));
        AuditFixtures.writeCollection(archives);
        TestBundles.flipByteNear(archives.resolve(AuditFixtures.SEED_BUNDLE), "inconditionnel");
        AuditReport report = new AuditService(TestBundles::manifestCheck)
                .run(new AuditService.Options(archives, null, false, 2), CatalogUpdater.Progress.NONE);
        Path html = work.resolve("report.html");
        HtmlReport.write(report, html);

        String page = Files.readString(html);
        assertThat(page).doesNotContain("src=", "<link", "@import", "url(")
                .contains("<svg id=\"party-graph\"")
                .contains("data-from=\"Prensa Latina\" data-to=\"Radio Habana Cuba\" data-documents=\"1\"")
                .contains("script-src '" + HtmlReport.SCRIPT_HASH + "'");
        assertThat(page.split("<script", -1)).as("one script, the page's own").hasSize(2);
        assertThat(Pattern.compile("href=\"([^\"]*)\"").matcher(page).results().map(m -> m.group(1)))
                .as("links go within the page or to a document's web address").isNotEmpty()
                .allMatch(link -> link.startsWith("#") || link.startsWith("https://") || link.startsWith("http://"));

        assumeThat(Files.isExecutable(CHROMIUM)).as("chromium is installed").isTrue();
        Path png = work.resolve("report.png");
        Chromium shot = chromium(html, "--screenshot=" + png, "--window-size=1280,2000");
        assertThat(shot.exitCode()).as(shot.stderr()).isZero();
        assertThat(consoleErrors(shot.stderr())).isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(distinctColours(image, 0, image.getHeight())).as("colours in the page").isGreaterThan(50);

        Chromium dom = chromium(html, "--dump-dom");
        assertThat(dom.exitCode()).as(dom.stderr()).isZero();
        assertThat(consoleErrors(dom.stderr())).isEmpty();
        assertThat(dom.stdout()).contains("<svg id=\"party-graph\"")
                .contains("data-party=\"Prensa Latina\"").contains("data-party=\"Radio Habana Cuba\"")
                .contains("data-from=\"Prensa Latina\" data-to=\"Radio Habana Cuba\"")
                .contains(AuditFixtures.SEED_BUNDLE).contains("INTEGRITY").contains("UNATTRIBUTED")
                .as("the script ran: the Content-Security-Policy allows it by its hash").contains("data-ready=\"");

        String keep = System.getProperty("provkit.html.keep");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(html, Path.of(keep, "report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(png, Path.of(keep, "report.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    record Chromium(int exitCode, String stdout, String stderr) {
    }

    private Chromium chromium(Path html, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile));
        command.addAll(List.of(extra));
        command.add(html.toUri().toString());
        Path out = work.resolve("chromium.out");
        Path err = work.resolve("chromium.err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s");
        }
        return new Chromium(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Console messages and blocked loads Chromium logs for the page (not its own start-up chatter). */
    static List<String> consoleErrors(String stderr) {
        return stderr.lines().filter(line -> line.contains("CONSOLE") || line.contains("Uncaught")
                || line.contains("Content Security Policy") || line.contains("Refused to")
                || line.contains("net::ERR_")).toList();
    }

    static int distinctColours(BufferedImage image, int fromY, int toY) {
        Set<Integer> colours = new HashSet<>();
        for (int y = fromY; y < toY; y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
