/**
 * Analytics' jobs and queries for the other modules, one class per capability, each delegating to the component
 * inside. With {@code reads} (the views' read repository and the answers the facades return) and the two
 * self-contained libraries {@code aggregation} (the arithmetic of stated figures) and {@code output} (how output
 * files are named, written and described) it is all other modules may use of analytics (docs/architecture.md).
 */
package org.programmeledger.analytics.facade;
