-- Look-up tables for rules that span aggregates, written in the transaction of the registering event.
CREATE TABLE registry_programme (
    programme_id VARCHAR(255) PRIMARY KEY
);

CREATE TABLE registry_organisation (
    organisation_id VARCHAR(255) PRIMARY KEY
);
