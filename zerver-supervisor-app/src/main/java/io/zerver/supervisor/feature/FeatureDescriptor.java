package io.zerver.supervisor.feature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * What a feature jar says about itself, in {@code META-INF/zerver-feature.properties}:
 *
 * <pre>
 * name=todos                                          # [a-z0-9][a-z0-9-]*, unique per supervisor
 * version=1.4.0                                       # a label for people; any text
 * configuration=io.example.todos.TodosFeature         # the @Configuration class(es), comma-separated
 * </pre>
 *
 * @param name the feature's name
 * @param label the version label from the jar
 * @param configurations the configuration classes to register in the feature's context
 */
public record FeatureDescriptor(String name, String label, List<String> configurations) {

    /** Where the descriptor lives inside a feature jar. */
    public static final String LOCATION = "META-INF/zerver-feature.properties";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    public FeatureDescriptor {
        configurations = List.copyOf(configurations);
    }

    /**
     * Reads the descriptor straight from the jar file (never through a class loader, which would
     * find a parent's copy first).
     *
     * @throws FeatureLoadException when the jar cannot be opened or the descriptor is missing or
     *     invalid
     */
    static FeatureDescriptor read(Path jar) {
        Properties props = new Properties();
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry entry = file.getEntry(LOCATION);
            if (entry == null) {
                throw new FeatureLoadException("no " + LOCATION + " in " + jar.getFileName());
            }
            try (InputStream in = file.getInputStream(entry)) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new FeatureLoadException("cannot open " + jar.getFileName() + ": " + e.getMessage(), e);
        }
        return of(props, jar.getFileName().toString());
    }

    static FeatureDescriptor of(Properties props, String source) {
        String name = props.getProperty("name", "").trim();
        if (!NAME.matcher(name).matches()) {
            throw new FeatureLoadException(source + ": name '" + name + "' (expected: [a-z0-9][a-z0-9-]*)");
        }
        String label = props.getProperty("version", "").trim();
        if (label.isEmpty()) {
            throw new FeatureLoadException(source + ": no version");
        }
        List<String> classes = Arrays.stream(props.getProperty("configuration", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (classes.isEmpty()) {
            throw new FeatureLoadException(source + ": no configuration class (configuration=...)");
        }
        for (String c : classes) {
            if (!CLASS_NAME.matcher(c).matches()) {
                throw new FeatureLoadException(source + ": configuration '" + c + "' is not a class name");
            }
        }
        return new FeatureDescriptor(name, label, classes);
    }
}
