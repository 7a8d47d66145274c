-- Every figure that includes a figure: its whole (part_of, depth 1), that one's whole (depth 2), and so on. A line
-- that counts any of them must not count the figure again, though the figures between lie elsewhere (another side
-- or item). A figure's whole is recorded before it and never changes: the rows are written once, with the figure.
CREATE TABLE view_figure_whole (
    period_id VARCHAR(255) NOT NULL,
    figure_id VARCHAR(255) NOT NULL,
    whole_id  VARCHAR(255) NOT NULL,
    depth     INTEGER      NOT NULL,
    PRIMARY KEY (period_id, figure_id, whole_id)
);

-- Figures projected before this table.
INSERT INTO view_figure_whole (period_id, figure_id, whole_id, depth)
WITH RECURSIVE wholes (period_id, figure_id, whole_id, depth) AS (
    SELECT period_id, figure_id, part_of, 1 FROM view_figure WHERE part_of IS NOT NULL
    UNION ALL
    SELECT w.period_id, w.figure_id, f.part_of, w.depth + 1
      FROM wholes w
      JOIN view_figure f ON f.period_id = w.period_id AND f.figure_id = w.whole_id
     WHERE f.part_of IS NOT NULL)
SELECT period_id, figure_id, whole_id, depth FROM wholes;
