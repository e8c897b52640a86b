package app.ponte.mapping;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The transforms expressions may call, by name, in the order the editor lists them. */
public final class TransformRegistry {

    private static final TransformRegistry STANDARD = of(StandardTransforms.all());

    private final Map<String, Transform> transforms;

    private TransformRegistry(Map<String, Transform> transforms) {
        this.transforms = transforms;
    }

    /** Every transform Ponte offers (see {@code docs/mapping.md}). */
    public static TransformRegistry standard() {
        return STANDARD;
    }

    public static TransformRegistry of(Collection<Transform> transforms) {
        Map<String, Transform> byName = new LinkedHashMap<>();
        for (Transform transform : transforms) {
            if (byName.putIfAbsent(transform.name(), transform) != null) {
                throw new IllegalArgumentException("duplicate transform " + transform.name());
            }
        }
        return new TransformRegistry(java.util.Collections.unmodifiableMap(byName));
    }

    public Optional<Transform> find(String name) {
        return Optional.ofNullable(transforms.get(name));
    }

    public List<Transform> all() {
        return List.copyOf(transforms.values());
    }

    public List<String> names() {
        return List.copyOf(transforms.keySet());
    }
}
