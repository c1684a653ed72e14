package org.ceteris.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.ceteris.studies.StudyMethods;

/** Class-path resources of the dashboard: static files, the method views, the OpenAPI document. */
final class Resources {

    private Resources() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the jar: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    static boolean exists(String path) {
        return Resources.class.getResource(path) != null;
    }

    /**
     * Every method's view script, {@code /static/views/<method>.js}, for each registered method
     * that has one, in registration order. A method without a view gets the generic one.
     */
    static String viewsScript() {
        StringBuilder sb = new StringBuilder("/* method views: one file per method under static/views/ */\n");
        for (String m : StudyMethods.names()) {
            String path = "/static/views/" + m + ".js";
            if (exists(path)) {
                sb.append("\n/* --- ").append(m).append(".js --- */\n").append(text(path)).append('\n');
            }
        }
        return sb.toString();
    }
}
