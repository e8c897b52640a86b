package app.ponte.server.api;

import app.ponte.api.Label;
import app.ponte.api.field.FieldType;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The field types catalogs use, with their labels and value kinds (public, like the catalog). */
@Path("/api/v1/field-types")
@PermitAll
@Tag(name = "Catalog")
@Produces(MediaType.APPLICATION_JSON)
public class FieldTypeResource {

    /** @param kind text, decimal, money, timestamp or boolean */
    public record FieldTypeView(String type, Label label, String kind) {
    }

    @GET
    @Operation(summary = "Every field type, as the catalogs' 'type' names it")
    public List<FieldTypeView> list() {
        return Arrays.stream(FieldType.values())
                .map(t -> new FieldTypeView(lower(t.name()), t.label(), lower(t.kind().name())))
                .toList();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
