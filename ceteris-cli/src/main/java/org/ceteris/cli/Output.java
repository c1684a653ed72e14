package org.ceteris.cli;

import java.io.PrintWriter;
import org.ceteris.json.Json;

/** Printing results: exactly one JSON document with --json, else readable text. */
final class Output {

    private Output() {
    }

    static void json(PrintWriter out, Object result) {
        out.println(Json.write(result));
        out.flush();
    }
}
