package io.zerver.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages as a person sees them: headless Chromium renders {@code /blogs/list} (and the home
 * and a post page) of the running blog into PNGs. Runs only where a Chromium binary is installed
 * ({@code scripts/install-test-deps.sh}); skipped elsewhere. The screenshot is kept in
 * {@code target/screenshots/} to look at.
 */
class BlogScreenshotTests extends BlogContract {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 800;
    /**
     * A bound, not an expectation: a cold Chromium takes 2 to 5 s here, but more than 10 s when
     * the machine's two cores are busy with other builds.
     */
    private static final int TIMEOUT_SECONDS = 60;
    private static final List<String> CHROMIUM_NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");

    @TempDir
    Path profile;

    @Test
    void theListPageRendersInABrowser() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no chromium binary on PATH (see scripts/install-test-deps.sh)");
        createPost("Pipelines of pure steps",
                "Every step is a pure function from a view of the request to a decision; the runtime performs"
                        + " the effects it declares. <script>alert(1)</script> stays text.", "Ada");
        Map<String, Object> post = createPost("Hot reload, drained",
                "A new feature jar becomes a new version: loaded, validated, swapped in atomically while the"
                        + " old one drains.\n\nRequests already running finish on the old version.", "Grace");
        createComment(post.get("id"), "Linus", "Does the old class loader really go away?");

        assertRendered(screenshot(chromium.get(), "/blogs/list", "blog-list.png"));
        // The other pages too, to look at; the list is the one the contract names.
        assertRendered(screenshot(chromium.get(), "/blogs", "blog-home.png"));
        assertRendered(screenshot(chromium.get(), "/blogs/posts/" + post.get("id"), "blog-post.png"));
    }

    /**
     * htmx, loaded from the feature's own route, runs: on start it reads the page's
     * {@code htmx-config} and adds its indicator styles to the head, which the DOM then shows.
     */
    @Test
    void htmxRunsInTheBrowserFromTheFeaturesOwnRoute() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no chromium binary on PATH (see scripts/install-test-deps.sh)");

        String dom = run(chromium.get(), "dom", "--dump-dom", base() + "/blogs");

        assertThat(dom).contains("hx-post=\"/blogs/htmx/posts\"").contains(".htmx-indicator{opacity:0}");
    }

    private Path screenshot(Path chromium, String path, String name) throws Exception {
        Path shot = Files.createDirectories(Path.of("target", "screenshots")).resolve(name).toAbsolutePath();
        Files.deleteIfExists(shot);
        String output = run(chromium, name, "--screenshot=" + shot, "--window-size=" + WIDTH + "," + HEIGHT,
                base() + path);
        assertThat(shot).as("chromium wrote the screenshot; its output:%n%s", output).exists();
        return shot;
    }

    /** Runs headless Chromium with {@code args}; its output (stdout and stderr). */
    private String run(Path chromium, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless=new", "--no-sandbox",
                "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + profile.resolve(name),
                "--virtual-time-budget=3000"));
        command.addAll(List.of(args));
        Path log = profile.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("chromium finished within %d s; its output:%n%s", TIMEOUT_SECONDS, output).isTrue();
        return output;
    }

    private static void assertRendered(Path shot) throws IOException {
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image).as("%s: a PNG ImageIO can read", shot).isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        assertThat(distinctColours(image)).as("%s: distinct colours, a rendered page rather than a blank one", shot)
                .isGreaterThan(50);
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static Optional<Path> chromium() throws IOException {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : CHROMIUM_NAMES) {
            try (Stream<String> dirs = Stream.of(path.split(File.pathSeparator))) {
                Optional<Path> found = dirs.filter(d -> !d.isEmpty()).map(d -> Path.of(d, name))
                        .filter(Files::isExecutable).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
