package app.ponte.server.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading the columns of native query results, whose types depend on the JDBC driver and the column. */
public final class NativeRows {

    private NativeRows() {
    }

    /** A timestamp column as an instant (null stays null). */
    public static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return (Instant) value;
    }
}
