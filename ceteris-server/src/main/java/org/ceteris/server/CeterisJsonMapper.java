package org.ceteris.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;
import org.ceteris.json.Json;

/**
 * Javalin's JSON through Ceteris's one convention ({@link Json}: snake_case, NaN as null).
 * Javalin 7 looks for Jackson 3 ({@code tools.jackson}) by default; the project pins Jackson 2.21,
 * so the mapper is plugged in explicitly.
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
