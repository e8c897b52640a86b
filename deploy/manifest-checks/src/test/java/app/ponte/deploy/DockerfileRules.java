package app.ponte.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every Dockerfile of this repository must satisfy. No Docker engine runs on the build
 * machines, so these are checked on the text: a linter such as hadolint is not available from
 * Maven Central, and the rules below are the ones that matter for Ponte's images.
 *
 * <ul>
 *   <li>every base image has an explicit tag other than {@code latest} (or a digest);</li>
 *   <li>the image runs as a numeric, non-zero uid ({@code USER 10001}), so Kubernetes'
 *       {@code runAsNonRoot} can verify it;</li>
 *   <li>it declares the port it listens on ({@code EXPOSE}) and a {@code HEALTHCHECK};</li>
 *   <li>no {@code ADD} (a URL or an archive unpacked by surprise): {@code COPY} only;</li>
 *   <li>no {@code ENV} or {@code ARG} whose name says it holds a secret: secrets come at run time;</li>
 *   <li>{@code apt-get install} with {@code --no-install-recommends}, lists removed in the same layer;</li>
 *   <li>{@code ENTRYPOINT} and {@code CMD} in exec form, so signals reach the process.</li>
 * </ul>
 */
final class DockerfileRules {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|api_?key|private_?key|crypto_?key|credential).*");
    private static final Pattern IMAGE = Pattern.compile("^(?:--platform=\\S+\\s+)?(\\S+?)(?:\\s+AS\\s+(\\S+))?$", Pattern.CASE_INSENSITIVE);

    private DockerfileRules() {
    }

    /** Every broken rule, one line each (empty when the file passes). */
    static List<String> check(Dockerfile dockerfile) {
        List<String> problems = new ArrayList<>();
        Set<String> stages = new HashSet<>();
        for (Dockerfile.Instruction from : dockerfile.all("FROM")) {
            Matcher m = IMAGE.matcher(from.arguments());
            if (!m.matches()) {
                problems.add(at(from, "FROM is not 'image:tag [AS name]': " + from.arguments()));
                continue;
            }
            String image = m.group(1);
            if (!stages.contains(image.toLowerCase(Locale.ROOT)) && !isPinned(image)) {
                problems.add(at(from, "base image '" + image + "' has no pinned tag (give a version, not 'latest')"));
            }
            if (m.group(2) != null) {
                stages.add(m.group(2).toLowerCase(Locale.ROOT));
            }
        }
        if (dockerfile.instructions().isEmpty() || !dockerfile.instructions().get(0).is("FROM")) {
            problems.add("the first instruction must be FROM");
        }

        List<Dockerfile.Instruction> runStage = dockerfile.finalStage();
        List<Dockerfile.Instruction> users = runStage.stream().filter(i -> i.is("USER")).toList();
        if (users.isEmpty()) {
            problems.add("the final stage has no USER: the image would run as root");
        } else {
            Dockerfile.Instruction last = users.get(users.size() - 1);
            String uid = last.arguments().split(":")[0];
            if (!uid.matches("\\d+") || Integer.parseInt(uid) == 0) {
                problems.add(at(last, "USER must be a numeric, non-zero uid (runAsNonRoot cannot verify a name): " + last.arguments()));
            }
        }
        if (runStage.stream().noneMatch(i -> i.is("EXPOSE"))) {
            problems.add("the final stage has no EXPOSE");
        }
        List<Dockerfile.Instruction> healthchecks = runStage.stream().filter(i -> i.is("HEALTHCHECK")).toList();
        if (healthchecks.isEmpty() || healthchecks.get(healthchecks.size() - 1).arguments().equalsIgnoreCase("NONE")) {
            problems.add("the final stage has no HEALTHCHECK");
        }
        for (Dockerfile.Instruction i : dockerfile.instructions()) {
            switch (i.keyword()) {
                case "ADD" -> problems.add(at(i, "ADD fetches URLs and unpacks archives implicitly; use COPY"));
                case "ENV", "ARG" -> {
                    for (String name : declaredNames(i)) {
                        if (SECRET_NAME.matcher(name).matches()) {
                            problems.add(at(i, i.keyword() + " " + name + " looks like a secret; pass secrets at run time"));
                        }
                    }
                }
                case "RUN" -> {
                    String run = i.arguments();
                    if (run.contains("apt-get install") && !run.contains("--no-install-recommends")) {
                        problems.add(at(i, "apt-get install without --no-install-recommends"));
                    }
                    if (run.contains("apt-get install") && !run.contains("rm -rf /var/lib/apt/lists")) {
                        problems.add(at(i, "apt-get install without removing /var/lib/apt/lists in the same layer"));
                    }
                }
                case "ENTRYPOINT", "CMD" -> {
                    if (!i.isExecForm()) {
                        problems.add(at(i, i.keyword() + " in shell form: signals would not reach the process; use [\"...\"]"));
                    }
                }
                default -> {
                    // other instructions carry no rule
                }
            }
        }
        return problems;
    }

    private static boolean isPinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return false; // no tag: Docker would take 'latest'
        }
        String tag = image.substring(colon + 1);
        return !tag.equals("latest") && tag.matches(".*\\d.*");
    }

    /** The names an ENV or ARG declares: {@code ENV A=1 B="x y"}, {@code ENV A 1}, {@code ARG A}. */
    private static List<String> declaredNames(Dockerfile.Instruction i) {
        String args = i.arguments();
        if (!args.contains("=")) {
            return List.of(args.split(" ")[0]);
        }
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?:^|\\s)([A-Za-z_][A-Za-z0-9_.-]*)=").matcher(args.replaceAll("\"[^\"]*\"", "\"\""));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String at(Dockerfile.Instruction i, String message) {
        return "line " + i.line() + ": " + message;
    }
}
