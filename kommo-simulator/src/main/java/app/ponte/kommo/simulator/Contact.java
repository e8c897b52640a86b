package app.ponte.kommo.simulator;

/** A contact (person) as stored by the simulator (§5.5). */
public final class Contact extends Entity {
    public String firstName = "";
    public String lastName = "";
}
