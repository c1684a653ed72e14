package org.ceteris.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.ceteris.CeterisException;
import org.ceteris.json.Json;

/** Request bodies: JSON objects, checked field by field, with a 400 problem naming what is wrong. */
final class Bodies {

    private Bodies() {
    }

    /** The body as a JSON object; an empty body is an empty object. */
    static JsonNode object(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            return Json.mapper().createObjectNode();
        }
        JsonNode node;
        try {
            node = Json.read(body);
        } catch (CeterisException e) {
            throw Problem.badRequest("malformed-body", "the request body is not valid JSON: " + e.getMessage().replaceFirst("^invalid JSON: ", ""));
        }
        if (node == null || !node.isObject()) {
            throw Problem.badRequest("malformed-body", "the request body must be a JSON object");
        }
        return node;
    }

    /** The {@code sql} field of {@code {"sql": "…"}}. */
    static String sql(Context ctx) {
        JsonNode sql = object(ctx).get("sql");
        if (sql == null || !sql.isTextual()) {
            throw Problem.badRequest("malformed-body", "give the query as {\"sql\": \"SELECT …\"}");
        }
        return sql.asText();
    }
}
