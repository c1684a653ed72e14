package org.ceteris.server;

/** Thrown by handlers and the workspace state; the server answers with its problem document. */
final class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    ProblemException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    Problem toProblem(String instance) {
        return new Problem("/problems/" + type, title, status, getMessage(), instance);
    }

    int status() {
        return status;
    }
}
