-- Where each plan period stands on the way to publication, and whether it changed since its latest one.
ALTER TABLE view_period ADD COLUMN status VARCHAR(16) DEFAULT 'DRAFT' NOT NULL;
ALTER TABLE view_period ADD COLUMN publication INTEGER;
ALTER TABLE view_period ADD COLUMN published_position BIGINT;
ALTER TABLE view_period ADD COLUMN changed_since_publication BOOLEAN DEFAULT FALSE NOT NULL;
