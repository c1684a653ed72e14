package org.ceteris.engine;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Locale;
import org.ceteris.CeterisException;

/**
 * Finds DuckDB's JNI library before DuckDB does, so that a missing library is one line saying what to
 * do instead of DuckDB's own stack trace. DuckDB loads {@code libduckdb_java.so_<os>_<arch>} from
 * inside its jar (copying it to a temporary file first), else from {@code java.library.path}, else
 * from the folder of the jar that holds its classes. The command-line fat jar ships the library beside
 * itself (see ceteris-cli's POM), so a jar copied alone is the case this catches.
 */
final class DuckDbLibrary {

    private static volatile boolean found;

    private DuckDbLibrary() {
    }

    static void requirePresent() {
        if (found) {
            return;
        }
        String name = "libduckdb_java.so_" + os() + "_" + arch();
        Class<?> driver;
        try {
            driver = Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("DuckDB driver missing from the class path", e);
        }
        if (driver.getResource("/" + name) != null || onLibraryPath() || besideJar(driver, name)) {
            found = true;
            return;
        }
        Path jar = jar(driver);
        throw new CeterisException("DuckDB's native library " + name + " is missing: keep the libduckdb_java.so_* files"
                + " built in ceteris-cli/target beside " + (jar == null ? "the Ceteris jar" : jar));
    }

    private static boolean onLibraryPath() {
        String path = System.getProperty("java.library.path", "");
        String file = System.mapLibraryName("duckdb_java");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, file))) {
                return true;
            }
        }
        return false;
    }

    private static boolean besideJar(Class<?> driver, String name) {
        Path jar = jar(driver);
        return jar != null && jar.getParent() != null && Files.isRegularFile(jar.getParent().resolve(name));
    }

    private static Path jar(Class<?> driver) {
        CodeSource source = driver.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** DuckDB's names: linux, macos, windows. */
    private static String os() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).trim();
        if (os.startsWith("windows")) {
            return "windows";
        }
        if (os.startsWith("mac")) {
            return "macos";
        }
        return os.startsWith("linux") ? "linux" : os.replaceAll("[^a-z0-9_\\-.]", "");
    }

    /** DuckDB's names: amd64, arm64. */
    private static String arch() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).trim();
        if (arch.equals("x86_64") || arch.equals("amd64")) {
            return "amd64";
        }
        if (arch.equals("aarch64") || arch.equals("arm64")) {
            return "arm64";
        }
        return arch.replaceAll("[^a-z0-9_\\-.]", "");
    }
}
