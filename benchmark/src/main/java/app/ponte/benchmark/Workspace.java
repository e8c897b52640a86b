package app.ponte.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A seeded workspace: its Hotmart connection (webhook token and hottok, which the load generator
 * presents) and its own Kommo account at the simulator. {@code approvedAutomation} is the
 * automation that runs on every approved sale (the others of the workspace use other triggers).
 */
record Workspace(int index, UUID tenantId, String webhookToken, String hottok, String kommoSubdomain, long kommoAccountId,
        UUID approvedAutomation) {

    /** The seeded workspaces, one a line (the file holds webhook tokens and hottoks: mode 600, under .ponte). */
    static void save(Path file, List<Workspace> workspaces) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        List<String> lines = new ArrayList<>();
        for (Workspace w : workspaces) {
            lines.add(String.join("\t", Integer.toString(w.index), w.tenantId.toString(), w.webhookToken, w.hottok, w.kommoSubdomain,
                    Long.toString(w.kommoAccountId), w.approvedAutomation.toString()));
        }
        Files.write(file, lines);
    }

    static List<Workspace> load(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalStateException("no seeded workspaces in " + file + ": run the 'seed' command first");
        }
        List<Workspace> workspaces = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            workspaces.add(new Workspace(Integer.parseInt(f[0]), UUID.fromString(f[1]), f[2], f[3], f[4], Long.parseLong(f[5]),
                    UUID.fromString(f[6])));
        }
        return workspaces;
    }
}
