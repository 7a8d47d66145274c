-- Issue 19: an item's lead organisations in a table of their own, so that the breakdown by organisation joins
-- on them rather than matching a ';'-joined list with LIKE. lead_order orders them as the item states them.
CREATE TABLE view_item_lead_organisation (
    period_id       VARCHAR(255) NOT NULL,
    item_number     INTEGER      NOT NULL,
    organisation_id VARCHAR(255) NOT NULL,
    lead_order      INTEGER      NOT NULL,
    PRIMARY KEY (period_id, item_number, organisation_id)
);

-- Items projected before this table: their leads are registered organisations (an item names no other).
INSERT INTO view_item_lead_organisation (period_id, item_number, organisation_id, lead_order)
SELECT i.period_id, i.item_number, o.organisation_id,
       STRPOS(';' || i.lead || ';', ';' || o.organisation_id || ';')
  FROM view_item i
  JOIN view_organisation o ON STRPOS(';' || i.lead || ';', ';' || o.organisation_id || ';') > 0;
