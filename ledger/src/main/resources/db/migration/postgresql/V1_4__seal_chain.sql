-- The hash chain that seals every event in global order, written in the transaction that appends the
-- events. ledger_seal_head holds the newest link; appending transactions lock it, so they seal in turn.
CREATE TABLE ledger_seal (
    position          BIGINT       PRIMARY KEY,
    event_identifier  VARCHAR(255) NOT NULL,
    previous_position BIGINT       NOT NULL,
    hash              CHAR(64)     NOT NULL,
    CONSTRAINT uk_ledger_seal_event UNIQUE (event_identifier)
);

-- Seals are append-only like the events they seal (refuse_event_change comes from V1_1).
CREATE TRIGGER ledger_seal_append_only
    BEFORE UPDATE OR DELETE ON ledger_seal
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

CREATE TRIGGER ledger_seal_no_truncate
    BEFORE TRUNCATE ON ledger_seal
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

CREATE TABLE ledger_seal_head (
    id       INTEGER  PRIMARY KEY,
    position BIGINT   NOT NULL,
    hash     CHAR(64) NOT NULL
);

INSERT INTO ledger_seal_head (id, position, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
