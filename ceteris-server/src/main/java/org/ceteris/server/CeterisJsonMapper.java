package org.ceteris.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;
import org.ceteris.json.Json;

/**
 * Javalin's JSON through Ceteris's one convention ({@link Json}: snake_case, NaN as null). Javalin
 * 7.2.3 still defaults to a Jackson 2 mapper ({@code JavalinJackson}; {@code JavalinJackson3} is an
 * option), so Jackson 3 is not needed; this mapper is plugged in so that the API writes exactly
 * what the CLI's {@code --json} writes.
 */
final class CeterisJsonMapper implements JsonMapper {

    @Override
    public String toJsonString(Object obj, Type type) {
        if (obj instanceof String s) {
            return s;
        }
        try {
            return Json.mapper().writeValueAsString(obj);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + obj.getClass().getSimpleName(), e);
        }
    }

    @Override
    public <T> T fromJsonString(String json, Type type) {
        try {
            return Json.mapper().readValue(json, Json.mapper().constructType(type));
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("malformed-body", "the request body is not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }
}
