package app.ponte.kommo.simulator;

import java.math.BigDecimal;

/** A lead (deal) as stored by the simulator (§5.4). */
public final class Lead extends Entity {
    public long price;
    public BigDecimal priceWithMinorUnits;
    public long statusId;
    public long pipelineId;
    public Long lossReasonId;
    public Long closedAt;
    public Integer score;
    public Integer laborCost;
    public boolean isPriceComputed;
    /** Stage before the last stage change (for digital-pipeline hooks). */
    public Long previousStatusId;
    public Long previousPipelineId;
}
