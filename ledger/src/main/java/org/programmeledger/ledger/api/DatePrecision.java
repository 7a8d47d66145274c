package org.programmeledger.ledger.api;

/**
 * How precisely a source states a date: a day, a month ("December 2020"), a year ("In 2021"), a range
 * ("From April to May 2021"), or not at all (then the extent is the plan period the record belongs to).
 */
public enum DatePrecision {
    DAY,
    MONTH,
    YEAR,
    RANGE,
    UNSTATED
}
