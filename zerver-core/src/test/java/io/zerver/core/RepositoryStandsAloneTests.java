package io.zerver.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: no file in it refers a reader to a document outside it. The product
 * contract is docs/contract.md; a citation of the contract the project was first built from, or of
 * anything beside the clone, is a link a user of the clone cannot open.
 *
 * <p>Scans every text file under the repository root (found by walking up from the module's
 * directory), leaving out what the root's {@code .gitignore} ignores (build output, data, logs) and
 * {@code .git}.
 */
class RepositoryStandsAloneTests {

    /** Built by concatenation, so that this file does not match them itself. */
    private static final List<String> FORBIDDEN = List.of("S" + "PEC §", "S" + "PEC.md", ".." + "/shared");

    /** Larger files are data, not text anyone reads for a reference. */
    private static final long MAX_BYTES = 2L * 1024 * 1024;

    @Test
    void noFileCitesADocumentOutsideTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<String> mentions = new ArrayList<>();
        for (Path file : textFiles(root)) {
            List<String> lines = linesOf(file);
            for (int i = 0; i < lines.size(); i++) {
                for (String forbidden : FORBIDDEN) {
                    if (lines.get(i).contains(forbidden)) {
                        mentions.add(root.relativize(file) + ":" + (i + 1) + ": mentions '" + forbidden
                                + "'; cite the docs/ page that holds it (docs/contract.md for the product contract)");
                    }
                }
            }
        }
        assertThat(mentions).as("mentions of documents outside the repository").isEmpty();
    }

    @Test
    void theScanSeesTheDocsAndTheSources() throws IOException {
        Path root = repositoryRoot();
        List<Path> files = textFiles(root);

        assertThat(files).contains(root.resolve("README.md"), root.resolve("docs/contract.md"),
                root.resolve("zerver-core/src/main/java/io/zerver/core/engine/Engine.java"),
                root.resolve("zerver-core/src/test/java/io/zerver/core/RepositoryStandsAloneTests.java"));
        assertThat(files).noneMatch(file -> root.relativize(file).toString().startsWith("zerver-core/target"));
    }

    /** The nearest directory up from the working directory that holds the Maven wrapper and a pom. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new AssertionError("no repository root (a directory with mvnw and pom.xml) above "
                + Path.of("").toAbsolutePath());
    }

    private static List<Path> textFiles(Path root) throws IOException {
        Ignored ignored = Ignored.read(root.resolve(".gitignore"));
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return !dir.equals(root) && ignored.directory(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile() && attributes.size() <= MAX_BYTES
                        && !ignored.file(file.getFileName().toString()) && isText(file)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static boolean isText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static List<String> linesOf(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /**
     * The root {@code .gitignore}, in the forms it uses: {@code name/} (a directory anywhere),
     * {@code *.suffix} (files by suffix) and {@code name} (a file or directory anywhere).
     */
    private record Ignored(Set<String> directories, Set<String> suffixes, Set<String> names) {

        static Ignored read(Path gitignore) throws IOException {
            Ignored ignored = new Ignored(new HashSet<>(Set.of(".git")), new HashSet<>(), new HashSet<>());
            if (!Files.isRegularFile(gitignore)) {
                ignored.directories().add("target");
                return ignored;
            }
            for (String line : Files.readAllLines(gitignore, StandardCharsets.UTF_8)) {
                String pattern = line.strip();
                if (pattern.isEmpty() || pattern.startsWith("#")) {
                    continue;
                }
                if (pattern.endsWith("/")) {
                    ignored.directories().add(pattern.substring(0, pattern.length() - 1));
                } else if (pattern.startsWith("*")) {
                    ignored.suffixes().add(pattern.substring(1));
                } else {
                    ignored.names().add(pattern);
                }
            }
            return ignored;
        }

        boolean directory(String name) {
            return directories.contains(name) || names.contains(name);
        }

        boolean file(String name) {
            return names.contains(name) || suffixes.stream().anyMatch(name::endsWith);
        }
    }
}
