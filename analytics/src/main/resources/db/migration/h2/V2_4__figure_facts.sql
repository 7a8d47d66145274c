-- Issue 18: how each figure may be combined, its bounds, sources and disputes, and facts that belong to no item.
-- aggregation: sum, cumulative, level, ratio or distinct (from the metric catalogue; from basis before it).
-- scope: item, period (a plan period's own fact, no item) or programme (in no plan period: period_id and
-- programme_id hold the programme's id, which no plan period has).
ALTER TABLE view_figure ADD COLUMN value_high DECIMAL(30, 6);
ALTER TABLE view_figure ADD COLUMN aggregation VARCHAR(32) DEFAULT 'sum' NOT NULL;
ALTER TABLE view_figure ADD COLUMN part_of VARCHAR(255);
ALTER TABLE view_figure ADD COLUMN disputed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE view_figure ADD COLUMN scope VARCHAR(16) DEFAULT 'item' NOT NULL;
ALTER TABLE view_figure ADD COLUMN programme_id VARCHAR(255);
ALTER TABLE view_figure ADD COLUMN date_label VARCHAR(255);
ALTER TABLE view_figure ADD COLUMN source VARCHAR(4000);
ALTER TABLE view_figure ADD COLUMN source_document VARCHAR(1000);
ALTER TABLE view_figure ADD COLUMN source_date VARCHAR(32);
ALTER TABLE view_figure ADD COLUMN source_location VARCHAR(255);
ALTER TABLE view_figure ADD COLUMN source_link VARCHAR(2000);
ALTER TABLE view_figure ALTER COLUMN item_number DROP NOT NULL;
ALTER TABLE view_figure ALTER COLUMN extent_start DROP NOT NULL;
ALTER TABLE view_figure ALTER COLUMN extent_end DROP NOT NULL;
UPDATE view_figure SET aggregation = 'cumulative' WHERE basis = 'CUMULATIVE';

-- The values of figures that have more than one: number 0 as first recorded (or corrected), then each other
-- source's value in order. A figure with one value is not listed; its source is on view_figure.
CREATE TABLE view_figure_value (
    period_id       VARCHAR(255)   NOT NULL,
    figure_id       VARCHAR(255)   NOT NULL,
    value_number    INTEGER        NOT NULL,
    figure_value    DECIMAL(30, 6) NOT NULL,
    value_high      DECIMAL(30, 6),
    qualifier       VARCHAR(32)    NOT NULL,
    source          VARCHAR(4000),
    source_document VARCHAR(1000),
    source_date     VARCHAR(32),
    source_location VARCHAR(255),
    source_link     VARCHAR(2000),
    adopted         BOOLEAN        NOT NULL,
    adopted_reason  VARCHAR(4000),
    PRIMARY KEY (period_id, figure_id, value_number)
);

-- The metric catalogue: its units are joined with ';'.
CREATE TABLE view_metric (
    metric_id   VARCHAR(255)  PRIMARY KEY,
    label       VARCHAR(1000) NOT NULL,
    units       VARCHAR(4000) NOT NULL,
    aggregation VARCHAR(32)   NOT NULL,
    chartable   BOOLEAN       NOT NULL,
    description VARCHAR(4000)
);
