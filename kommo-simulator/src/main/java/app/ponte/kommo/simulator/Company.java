package app.ponte.kommo.simulator;

/** A company as stored by the simulator (§5.6). */
public final class Company extends Entity {
}
