package app.ponte.api;

import app.ponte.api.action.Failure;

/** A failure while talking to a vendor, classified for the runner. Its message never holds secrets. */
public class ConnectorException extends Exception {

    private final Failure failure;

    public ConnectorException(Failure failure) {
        super(failure.message());
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
