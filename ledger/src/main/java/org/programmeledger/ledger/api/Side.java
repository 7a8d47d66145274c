package org.programmeledger.ledger.api;

/**
 * The side an organisation belongs to, or a figure counts for. {@link #JOINT} is for figures that the
 * sides report together ("the two sides exchanged a total of 183 pieces"); no organisation is joint.
 */
public enum Side {
    GUANGDONG("guangdong", "Guangdong"),
    HONG_KONG("hong-kong", "Hong Kong"),
    MACAO("macao", "Macao"),
    MAINLAND("mainland", "Mainland (national)"),
    OTHER("other", "Other"),
    JOINT("joint", "Joint");

    private final String code;
    private final String label;

    Side(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Side fromCode(String code) {
        return Codes.fromCode(Side.class, values(), Side::code, code);
    }
}
