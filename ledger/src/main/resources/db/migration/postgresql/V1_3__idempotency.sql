-- The first answer to each Idempotency-Key, so a retry gets it again instead of recording twice.
-- Written in the transaction that records the command's events.
CREATE TABLE idempotency_record (
    principal       VARCHAR(255)      NOT NULL,
    idempotency_key VARCHAR(255)      NOT NULL,
    request_hash    VARCHAR(64)       NOT NULL,
    response_status INTEGER           NOT NULL,
    response_body   TEXT              NOT NULL,
    recorded_at     VARCHAR(64)       NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);
