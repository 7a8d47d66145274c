-- The application's role may TRUNCATE (a replay empties the views so), so every table whose rows sealing depends on
-- refuses it, as its rows refuse UPDATE and DELETE. The old chain's head was the one without.
CREATE TRIGGER ledger_seal_head_no_truncate
    BEFORE TRUNCATE ON ledger_seal_head FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
