package app.ponte.api.trigger;

import java.util.Map;

/**
 * A recorded webhook call that yields at least one event of the trigger that ships it. Samples
 * show tenants what the fields look like and double as test fixtures (the conformance test parses
 * every one).
 *
 * @param name     e.g. the fixture's file name
 * @param headers  request headers, secrets replaced by the sample credentials' values
 * @param body     the raw body
 */
public record SampleEvent(String name, Map<String, String> headers, String body) {

    public SampleEvent {
        headers = Map.copyOf(headers);
    }
}
