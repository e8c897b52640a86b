package app.ponte.server.automation;

import java.util.List;

/**
 * What an automation's mapping makes of sample events, input by input, and on request the plan its
 * action would execute (a dry run: nothing is written anywhere; a plan only reads at the vendor).
 *
 * @param samples one entry per sample event of the trigger
 */
public record AutomationPreview(List<SamplePreview> samples) {

    /**
     * One sample: whether the action could run with it, whether the filter lets it through (and why,
     * condition by condition), each input's rendered value or error, and the plan (null unless asked for).
     */
    public record SamplePreview(String sample, boolean ok, boolean passesFilter, List<String> filterExplanation,
            List<InputPreview> inputs, PlanPreview plan) {
    }

    /**
     * What the action would do with this sample now, worked out at the connected account with reads only.
     *
     * @param status PLANNED: every step worked out; FAILED: the account answered with an error, the last
     *               step says which; SKIPPED: no plan, {@code reason} says why (the filter stops the sample,
     *               the mapping has problems, the action has no planner, the connection is missing or needs
     *               reconnecting)
     * @param reason for FAILED and SKIPPED, in pt-BR; null when PLANNED
     */
    public record PlanPreview(Status status, String reason, List<PlanStep> steps) {
        public enum Status { PLANNED, FAILED, SKIPPED }
    }

    /**
     * @param kind {@code LOOKUP} (read now at the account, with what it found), {@code WRITE} (what a run
     *             would write; not written) or {@code ERROR} (the account's answer that ended the plan)
     * @param text pt-BR
     * @param en   English (for ERROR, the pt-BR message again)
     */
    public record PlanStep(String kind, String text, String en) {
        public static final String ERROR = "ERROR";
    }

    /** @param text the value as the action would receive it, written for people; empty when there is an error */
    public record InputPreview(String key, String label, boolean required, String template, String text, String error) {
    }
}
