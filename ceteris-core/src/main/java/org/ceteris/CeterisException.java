package org.ceteris;

/**
 * A problem the user can fix: bad input data, a wrong flag, an impossible request.
 *
 * <p>The message is one line that says what is wrong and what to do about it. The CLI prints it
 * on stderr and exits with code 2; the server answers with an HTTP 400 problem document.
 * Programmer errors are not {@code CeterisException}s: they fail fast with the JDK's exceptions.
 */
public class CeterisException extends RuntimeException {

    public CeterisException(String message) {
        super(oneLine(message));
    }

    public CeterisException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
