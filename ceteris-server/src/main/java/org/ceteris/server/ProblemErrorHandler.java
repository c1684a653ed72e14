package org.ceteris.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.ceteris.json.Json;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (malformed requests and ambiguous or escaping paths, rejected before
 * Javalin sees them) as RFC 9457 problem documents instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.write(true, body(code, message), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        return body(status, reason);
    }

    private static ByteBuffer body(int code, String message) {
        String detail = message == null || message.isBlank() ? Problem.title(code)
                : message.strip().replaceAll("\\s*\\R\\s*", " ");
        Problem p = new Problem("/problems/http-" + code, Problem.title(code), code, detail, null);
        return ByteBuffer.wrap(Json.write(p).getBytes(StandardCharsets.UTF_8));
    }
}
