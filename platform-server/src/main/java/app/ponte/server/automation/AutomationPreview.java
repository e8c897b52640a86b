package app.ponte.server.automation;

import java.util.List;

/**
 * What an automation's mapping makes of sample events, input by input (a dry run: nothing is
 * sent anywhere).
 *
 * @param samples one entry per sample event of the trigger
 */
public record AutomationPreview(List<SamplePreview> samples) {

    /**
     * One sample: whether the action could run with it, whether the filter lets it through (and why,
     * condition by condition), and each input's rendered value or error.
     */
    public record SamplePreview(String sample, boolean ok, boolean passesFilter, List<String> filterExplanation,
            List<InputPreview> inputs) {
    }

    /** @param text the value as the action would receive it, written for people; empty when there is an error */
    public record InputPreview(String key, String label, boolean required, String template, String text, String error) {
    }
}
