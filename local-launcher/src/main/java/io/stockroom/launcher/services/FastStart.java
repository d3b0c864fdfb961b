package io.stockroom.launcher.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Faster service start-up with class data sharing: the boot jar is extracted once per build (CDS needs plain jars
 * on the class path), and the JVM keeps a dynamic CDS archive per service that it writes when the service stops and
 * reuses on the next start ({@code -XX:+AutoCreateSharedArchive}, JDK 19+). The first run pays for the extraction;
 * later runs start faster. Anything that goes wrong here falls back to running the boot jar as it is.
 */
public final class FastStart {

    private static final long EXTRACT_TIMEOUT_SECONDS = 180;
    private static final String STAMP = ".source";

    private final Path java;
    private final Path directory;

    public FastStart(Path java, Path directory) {
        this.java = java;
        this.directory = directory;
    }

    /** What to run for {@code spec}: the extracted jar and the CDS options, or empty to run the boot jar as is. */
    public Optional<Launch> prepare(ServiceSpec spec, Path bootJar) {
        Path home = directory.resolve(spec.module());
        Path application = home.resolve("app");
        Path extracted = application.resolve(bootJar.getFileName());
        try {
            String source = Files.size(bootJar) + ":" + Files.getLastModifiedTime(bootJar).toMillis();
            Path stamp = home.resolve(STAMP);
            boolean current = Files.isRegularFile(extracted) && Files.isRegularFile(stamp)
                    && Files.readString(stamp, StandardCharsets.UTF_8).equals(source);
            if (!current) {
                deleteRecursively(home);
                Files.createDirectories(home);
                Process process = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", bootJar.toString(),
                        "extract", "--destination", application.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(home.resolve("extract.log").toFile())
                        .start();
                if (!process.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return Optional.empty();
                }
                if (process.exitValue() != 0 || !Files.isRegularFile(extracted)) {
                    return Optional.empty();
                }
                Files.writeString(stamp, source, StandardCharsets.UTF_8);
            }
            boolean archived = Files.isRegularFile(home.resolve("classes.jsa"));
            List<String> options = new ArrayList<>();
            options.add("-XX:+AutoCreateSharedArchive");
            options.add("-XX:SharedArchiveFile=" + home.resolve("classes.jsa"));
            options.add("-Xlog:cds=off");
            options.add("-Xlog:cds+dynamic=off");
            return Optional.of(new Launch(extracted, options, !archived));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    /**
     * The jar to run and the JVM options that go with it.
     *
     * @param writesArchive true when this run creates the archive (at the service's exit, which then takes longer)
     */
    public record Launch(Path jar, List<String> jvmOptions, boolean writesArchive) {

        public Launch {
            jvmOptions = List.copyOf(jvmOptions);
        }
    }
}
