-- The metric catalogue as the rules of the ledger read it: a metric's units (joined with ';') and aggregation.
CREATE TABLE registry_metric (
    metric_id   VARCHAR(255)  PRIMARY KEY,
    units       VARCHAR(4000) NOT NULL,
    aggregation VARCHAR(32)   NOT NULL
);
