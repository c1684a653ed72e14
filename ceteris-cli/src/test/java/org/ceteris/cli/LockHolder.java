package org.ceteris.cli;

import java.nio.file.Path;
import org.ceteris.engine.DuckDbEngine;

/** Test helper run as a separate process: holds a workspace database open read-write until stdin closes. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (DuckDbEngine engine = DuckDbEngine.onFile(Path.of(args[0]), false)) {
            engine.execute("SELECT 1");
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }

    /** Starts a holder on {@code database} and waits until it has the lock. */
    public static Process start(Path database) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                database.toString()).redirectErrorStream(true).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
        if (!"locked".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("lock holder did not start: " + line);
        }
        return p;
    }
}
