package app.ponte.kommo.simulator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Tunables of the simulator, changed with {@code PUT /__sim/config} (contract §2); defaults as in the contract. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class SimConfig {
    public int rateLimitPerSecond = 7;
    public int retryAfterSeconds = 1;
    public boolean retryAfterHeader = false;
    @com.fasterxml.jackson.annotation.JsonProperty("block_after_429")
    public int blockAfter429 = 10;
    public int blockWindowSeconds = 10;
    public int blockSeconds = 5;
    public long accessTokenTtl = 86400;
    public long refreshTokenTtl = 7776000;
    public long authCodeTtl = 1200;
    public String refreshReuse = "strict";
    public int webhookTimeoutMs = 2000;
    public List<Long> webhookRetryDelaysS = List.of(300L, 900L, 900L, 3600L);
    public int webhookDisableThreshold = 100;
    public long webhookDisableWindowS = 7200;
    public boolean allowHttpDestinations = true;
    public boolean duplicateControl = false;
    public int defaultPageLimit = 50;

    /** Digital-pipeline webhook retry schedule (decided in §6). */
    public List<Long> dpRetryDelaysS = List.of(60L, 300L, 900L, 1800L);

    boolean graceRefresh() {
        return "grace".equals(refreshReuse);
    }
}
