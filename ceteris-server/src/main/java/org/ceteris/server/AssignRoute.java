package org.ceteris.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.ceteris.CeterisException;
import org.ceteris.assign.Assigner;
import org.ceteris.assign.UnitAssignment;
import org.ceteris.assignment.AssignAttributes;
import org.ceteris.assignment.AssignConfigYaml;
import org.ceteris.json.Json;

/**
 * {@code GET /api/assign?unit=ID[&attr=KEY=VALUE…][&force=EXPERIMENT=VARIATION…]}: the variations
 * of one unit under the workspace's assignment config, {@value #FILE} next to ceteris.yaml (the
 * format of {@code ceteris assign --config}). The answer is the same JSON as
 * {@code ceteris assign --config W/assignment.yaml --unit ID --json}. No config: 404; no unit or a
 * malformed attr: 400; a config that does not parse: 422. The parsed config is kept until the file
 * changes, so an answer costs one hash per experiment.
 */
final class AssignRoute {

    static final String FILE = "assignment.yaml";

    private record Loaded(FileTime modified, long size, Assigner assigner) {
    }

    private final Path file;
    private volatile Loaded loaded;

    AssignRoute(Path workspaceDir) {
        this.file = workspaceDir.resolve(FILE);
    }

    void handle(Context ctx) {
        Assigner assigner = assigner();
        String unit = ctx.queryParam("unit");
        if (unit == null || unit.isBlank()) {
            throw Problem.badRequest("missing-unit", "give the unit to assign: /api/assign?unit=ID (attributes for targeting as &attr=KEY=VALUE)");
        }
        UnitAssignment result = assigner.assign(unit, AssignAttributes.parse(ctx.queryParams("attr"), "attr"),
                AssignAttributes.forced(ctx.queryParams("force"), "force"));
        ctx.contentType("application/json").result(Json.write(result));
    }

    private Assigner assigner() {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (IOException e) {
            throw Problem.notFound("assignment-not-configured", "assignment is not configured in this workspace: put the "
                    + "assignment config (the YAML of `ceteris assign --config`) in " + FILE + " next to ceteris.yaml");
        }
        Loaded l = loaded;
        if (l == null || !l.modified().equals(modified) || l.size() != size) {
            try {
                l = new Loaded(modified, size, new Assigner(AssignConfigYaml.read(file)));
            } catch (CeterisException e) {
                throw new ProblemException(422, "assignment-config-error", "Unprocessable content", e.getMessage());
            }
            loaded = l;
        }
        return l.assigner();
    }
}
