package org.programmeledger.ledger.api;

/** Whether an activity was held online, offline or both; {@link #UNSTATED} when the source does not say. */
public enum ActivityMode {
    ONLINE("online"),
    OFFLINE("offline"),
    BOTH("both"),
    UNSTATED("unstated");

    private final String code;

    ActivityMode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ActivityMode fromCode(String code) {
        return Codes.fromCode(ActivityMode.class, values(), ActivityMode::code, code);
    }
}
