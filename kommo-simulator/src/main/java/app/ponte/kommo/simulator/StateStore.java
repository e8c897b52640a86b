package app.ponte.kommo.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Persists {@link SimState} as JSON: loaded at start, written (atomically, via a temp file) shortly after
 * every change and on shutdown. Without a path it does nothing. Tokens are in it only as hashes.
 */
public final class StateStore {
    private static final Logger LOG = Logger.getLogger(StateStore.class.getName());
    private final Path file;
    private final AtomicBoolean dirty = new AtomicBoolean();

    StateStore(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void markDirty() {
        dirty.set(true);
    }

    /** The saved state, or an empty one if there is no file yet. */
    SimState load() {
        if (file == null || !Files.exists(file)) {
            return new SimState();
        }
        try {
            SimState state = Json.MAPPER.readValue(file.toFile(), SimState.class);
            LOG.info("loaded state from " + file + " (" + state.accounts.size() + " accounts)");
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state file " + file, e);
        }
    }

    /** Writes the state if it changed since the last write. */
    void saveIfDirty(SimState state) {
        if (file != null && dirty.getAndSet(false)) {
            save(state);
        }
    }

    void save(SimState state) {
        if (file == null) {
            return;
        }
        try {
            byte[] bytes;
            synchronized (state) {
                bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            dirty.set(true);
            LOG.warning("cannot write state file " + file + ": " + e.getMessage());
        }
    }
}
