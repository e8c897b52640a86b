package app.ponte.api.field;

import app.ponte.api.ConnectorException;
import app.ponte.api.context.ConnectionContext;
import java.util.List;
import java.util.Map;

/** Reads the options of a {@link FieldType#DYNAMIC_CHOICE} field from the connected account. */
@FunctionalInterface
public interface ChoiceLoader {

    /**
     * @param dependsOn values of the fields this one depends on (e.g. the chosen pipeline when
     *                  loading its stages), keyed by field key
     */
    List<Choice> load(ConnectionContext connection, Map<String, String> dependsOn) throws ConnectorException;
}
