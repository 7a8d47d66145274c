package org.programmeledger.ledger.api;

/** The kinds of co-operation action the secretariat records. */
public enum ActivityKind {
    COURSE("course"),
    CONFERENCE("conference"),
    CONTEST("contest"),
    EXPO("expo"),
    FORUM("forum"),
    BREAKOUT_SESSION("breakout-session"),
    SEMINAR("seminar"),
    SYMPOSIUM("symposium"),
    MEETING("meeting"),
    TRAINING("training"),
    JOINT_OPERATION("joint-operation"),
    INTELLIGENCE_EXCHANGE("intelligence-exchange"),
    SERVICE_LAUNCH("service-launch"),
    PUBLIC_NOTICE("public-notice"),
    PROMOTION("promotion"),
    DATABASE_UPDATE("database-update"),
    EXAMINATION_SUPPORT("examination-support"),
    COOPERATION_INITIATIVE("cooperation-initiative");

    private final String code;

    ActivityKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ActivityKind fromCode(String code) {
        return Codes.fromCode(ActivityKind.class, values(), ActivityKind::code, code);
    }
}
