/**
 * The ledger's queries and services for the other modules, one class per capability, each delegating to the
 * component inside that does the work. With {@code api} (messages), {@code service} (the answers they return and
 * the helpers every module shares), {@code proof} and {@code hashing} it is all other modules may use of the ledger
 * (docs/architecture.md).
 */
package org.programmeledger.ledger.facade;
