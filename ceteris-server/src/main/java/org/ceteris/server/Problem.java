package org.ceteris.server;

/**
 * An RFC 9457 problem document, and the exception that carries one out of a handler. The
 * {@code type} is a relative URI naming the kind of problem; {@code detail} is one line saying what
 * to fix.
 */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** Thrown by handlers; the server turns it into the problem document. */
    public static final class Exception extends RuntimeException {
        private final int status;
        private final String type;
        private final String title;

        public Exception(int status, String type, String title, String detail) {
            super(detail);
            this.status = status;
            this.type = type;
            this.title = title;
        }

        public Problem toProblem(String instance) {
            return new Problem("/problems/" + type, title, status, getMessage(), instance);
        }

        public int status() {
            return status;
        }
    }

    public static Exception notFound(String type, String detail) {
        return new Exception(404, type, "Not found", detail);
    }

    public static Exception badRequest(String type, String detail) {
        return new Exception(400, type, "Bad request", detail);
    }

    /** A title for a status Javalin or Jetty produced. */
    public static String title(int status) {
        switch (status) {
            case 400: return "Bad request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not found";
            case 405: return "Method not allowed";
            case 409: return "Conflict";
            case 413: return "Content too large";
            case 415: return "Unsupported media type";
            case 422: return "Unprocessable content";
            case 503: return "Service unavailable";
            default: return status >= 500 ? "Internal error" : "Request failed";
        }
    }
}
