-- Issue 19: a rebuild from zero writes its mark here, with the views' token at the start, before it empties the
-- views by TRUNCATE (which H2 commits at once). Whoever goes on from that token (the next page of the rebuild, the
-- next replay, the live processor) empties the views first; the first transaction that moves the token removes it.
CREATE TABLE view_rebuild_pending (
    view_name VARCHAR(255) NOT NULL PRIMARY KEY
);
