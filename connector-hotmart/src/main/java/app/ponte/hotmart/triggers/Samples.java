package app.ponte.hotmart.triggers;

import app.ponte.api.trigger.SampleEvent;
import app.ponte.hotmart.HotmartConnector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The recorded deliveries under {@code samples/hotmart/} (invented data, Hotmart v2.0.0 structure). */
public final class Samples {

    /**
     * The hottok the samples are sent with. Not a secret: sample credentials only (the conformance
     * test and the catalog's "try it" use it).
     */
    public static final String SAMPLE_HOTTOK = "ponte-sample-hottok";

    static final String DIRECTORY = "/samples/hotmart/";

    private Samples() {
    }

    /** The sample files as Hotmart posts them: JSON body, hottok header. */
    public static List<SampleEvent> load(String... files) {
        return Arrays.stream(files).map(file -> new SampleEvent(file, headers(), read(file))).toList();
    }

    public static Map<String, String> headers() {
        return Map.of(HotmartConnector.HOTTOK_HEADER, SAMPLE_HOTTOK, "Content-Type", "application/json; charset=utf-8");
    }

    /** The body of one sample file. */
    public static String read(String file) {
        try (InputStream in = Samples.class.getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("missing sample " + DIRECTORY + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
