package app.ponte.stack;

/**
 * A failure of the local stack that a person can act on. Its message is one line that says what
 * went wrong and, where possible, what to do; the command-line front end prints only that line.
 */
public final class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
