package app.ponte.api.trigger;

import java.util.Map;

/**
 * Whether an event concerns an automation with the given trigger settings (e.g. Kommo's chosen
 * pipeline and stage). Settings are keyed by setting field key.
 */
@FunctionalInterface
public interface SettingsFilter {

    SettingsFilter ACCEPT_ALL = (event, settings) -> true;

    boolean matches(TriggerEvent event, Map<String, String> settings);
}
