-- Sealing off the command path (docs/sealing.md). An appending transaction writes, beside each event, an
-- authenticator: HMAC-SHA256 of the event's canonical bytes under a key derived from the signing key, which
-- the database does not hold. The sequencer later integrates committed, authenticated events as leaves of
-- an RFC 9162 Merkle tree and signs a checkpoint of each new root with the Ed25519 key.
-- ledger_seal and ledger_seal_head (V1_4) are read once, to carry the old chain's events over as leaves.
CREATE TABLE ledger_event_authenticator (
    position         BIGINT       PRIMARY KEY,
    event_identifier VARCHAR(255) NOT NULL,
    key_id           VARCHAR(16)  NOT NULL,
    mac              VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_ledger_event_authenticator_event UNIQUE (event_identifier)
);

CREATE TABLE ledger_tree_leaf (
    leaf_index BIGINT      PRIMARY KEY,
    position   BIGINT      NOT NULL,
    leaf_hash  VARCHAR(64) NOT NULL,
    CONSTRAINT uk_ledger_tree_leaf_position UNIQUE (position)
);

CREATE TABLE ledger_checkpoint (
    tree_size  BIGINT                   PRIMARY KEY,
    root_hash  VARCHAR(64)              NOT NULL,
    signed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id     VARCHAR(16)              NOT NULL,
    signature  VARCHAR(200)             NOT NULL,
    note       VARCHAR(2000)            NOT NULL
);

-- All three are append-only like the events (refuse_event_change comes from V1_1).
CREATE TRIGGER ledger_event_authenticator_append_only
    BEFORE UPDATE OR DELETE ON ledger_event_authenticator FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER ledger_event_authenticator_no_truncate
    BEFORE TRUNCATE ON ledger_event_authenticator FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER ledger_tree_leaf_append_only
    BEFORE UPDATE OR DELETE ON ledger_tree_leaf FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER ledger_tree_leaf_no_truncate
    BEFORE TRUNCATE ON ledger_tree_leaf FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER ledger_checkpoint_append_only
    BEFORE UPDATE OR DELETE ON ledger_checkpoint FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER ledger_checkpoint_no_truncate
    BEFORE TRUNCATE ON ledger_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

-- The old chain's head is no longer written by anyone: it stays as it was, for the one-time carry-over.
CREATE TRIGGER ledger_seal_head_frozen
    BEFORE UPDATE OR DELETE ON ledger_seal_head FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
