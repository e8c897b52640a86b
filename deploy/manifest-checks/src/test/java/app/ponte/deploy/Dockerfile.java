package app.ponte.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read as Docker's parser reads it: comment lines dropped, lines ending in a
 * backslash joined, each instruction split into its keyword and its arguments. Build stages are
 * kept apart (each {@code FROM} starts one) because the rules apply to the stage that runs.
 */
record Dockerfile(List<Instruction> instructions) {

    record Instruction(int line, String keyword, String arguments) {

        boolean is(String name) {
            return keyword.equals(name);
        }

        /** Exec form ({@code ["java", "-jar", ...]}) rather than shell form. */
        boolean isExecForm() {
            return arguments.startsWith("[") && arguments.endsWith("]");
        }
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = null;
        int start = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (pending == null && trimmed.isEmpty())) {
                continue; // comments (and parser directives) may also sit inside a continued instruction
            }
            if (pending == null) {
                pending = new StringBuilder();
                start = i + 1;
            }
            boolean continued = trimmed.endsWith("\\");
            pending.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continued) {
                instructions.add(instruction(start, pending.toString().strip()));
                pending = null;
            }
        }
        if (pending != null) {
            throw new IllegalArgumentException("line " + start + ": the file ends inside a continued instruction");
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    private static Instruction instruction(int line, String text) {
        int space = text.indexOf(' ');
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String arguments = space < 0 ? "" : text.substring(space + 1).strip().replaceAll("\\s+", " ");
        return new Instruction(line, keyword, arguments);
    }

    /** The instructions of the last stage: the image that is run. */
    List<Instruction> finalStage() {
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).is("FROM")) {
                from = i;
            }
        }
        return instructions.subList(from, instructions.size());
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.is(keyword)).toList();
    }
}
