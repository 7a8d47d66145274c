-- Read models projected from the events by the "ledger-views" processor. Rebuilt from zero on replay.
CREATE TABLE view_position (
    view_name   VARCHAR(100) PRIMARY KEY,
    position    BIGINT       NOT NULL,
    recorded_at VARCHAR(64)  NOT NULL
);

CREATE TABLE view_programme (
    programme_id VARCHAR(255)  PRIMARY KEY,
    name         VARCHAR(1000) NOT NULL
);

CREATE TABLE view_period (
    period_id    VARCHAR(255) PRIMARY KEY,
    programme_id VARCHAR(255) NOT NULL,
    label        VARCHAR(255) NOT NULL,
    starts_on    DATE         NOT NULL,
    ends_on      DATE         NOT NULL,
    version      BIGINT       NOT NULL
);

CREATE TABLE view_organisation (
    organisation_id VARCHAR(255) PRIMARY KEY,
    name            VARCHAR(1000) NOT NULL,
    abbreviation    VARCHAR(255),
    side            VARCHAR(32)   NOT NULL
);

CREATE TABLE view_item (
    period_id      VARCHAR(255)  NOT NULL,
    item_number    INTEGER       NOT NULL,
    title          VARCHAR(4000) NOT NULL,
    area           VARCHAR(255),
    new_in_period  BOOLEAN       NOT NULL,
    lead           VARCHAR(4000) NOT NULL,
    participants   VARCHAR(4000) NOT NULL,
    status         VARCHAR(32)   NOT NULL,
    PRIMARY KEY (period_id, item_number)
);

CREATE TABLE view_activity (
    period_id      VARCHAR(255)  NOT NULL,
    activity_id    VARCHAR(255)  NOT NULL,
    item_number    INTEGER       NOT NULL,
    kind           VARCHAR(64)   NOT NULL,
    title          VARCHAR(4000) NOT NULL,
    organisers     VARCHAR(4000) NOT NULL,
    supporters     VARCHAR(4000) NOT NULL,
    mode           VARCHAR(32)   NOT NULL,
    date_start     DATE          NOT NULL,
    date_end       DATE          NOT NULL,
    date_precision VARCHAR(32)   NOT NULL,
    retracted      BOOLEAN       NOT NULL,
    PRIMARY KEY (period_id, activity_id)
);

CREATE TABLE view_figure (
    period_id        VARCHAR(255)   NOT NULL,
    figure_id        VARCHAR(255)   NOT NULL,
    item_number      INTEGER        NOT NULL,
    activity_id      VARCHAR(255),
    metric           VARCHAR(255)   NOT NULL,
    figure_value     DECIMAL(30, 6) NOT NULL,
    unit             VARCHAR(255)   NOT NULL,
    qualifier        VARCHAR(32)    NOT NULL,
    side             VARCHAR(32)    NOT NULL,
    extent_start     DATE           NOT NULL,
    extent_end       DATE           NOT NULL,
    extent_precision VARCHAR(32)    NOT NULL,
    basis            VARCHAR(32)    NOT NULL,
    corrected        BOOLEAN        NOT NULL,
    retracted        BOOLEAN        NOT NULL,
    PRIMARY KEY (period_id, figure_id)
);

CREATE INDEX ix_view_figure_metric ON view_figure (metric, basis);
