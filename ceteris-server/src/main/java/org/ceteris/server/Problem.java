package org.ceteris.server;

/**
 * An RFC 9457 problem document ({@link ProblemException} carries one out of a handler). The
 * {@code type} is a relative URI naming the kind of problem; {@code detail} is one line saying what
 * to fix.
 */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String CONTENT_TYPE = "application/problem+json";

    static ProblemException notFound(String type, String detail) {
        return new ProblemException(404, type, "Not found", detail);
    }

    static ProblemException badRequest(String type, String detail) {
        return new ProblemException(400, type, "Bad request", detail);
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
