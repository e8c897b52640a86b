package app.ponte.kommo.simulator;

import app.ponte.kommo.simulator.Model.FieldValues;
import java.util.ArrayList;
import java.util.List;

/** Fields shared by leads, contacts and companies. Mutated only under the state lock. */
public abstract class Entity {
    public long id;
    public String name;
    public long responsibleUserId;
    public long groupId;
    public long createdBy;
    public long updatedBy;
    public long createdAt;
    public long updatedAt;
    public Long closestTaskAt;
    public boolean isDeleted;
    public List<FieldValues> customFields = new ArrayList<>();
    public List<Long> tagIds = new ArrayList<>();
}
