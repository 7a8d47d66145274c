package org.programmeledger.dashboards.web;

import java.util.List;

/**
 * One page of a table's rows, so that an item with thousands of activities is a page of them, not one large page.
 *
 * @param page  1-based, within 1..pages
 * @param total rows in the whole table
 */
record Paged<T>(List<T> rows, int page, int pages, int total, int size) {

    static <T> Paged<T> of(List<T> all, Integer requested, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int page = requested == null ? 1 : Math.min(Math.max(1, requested), pages);
        int from = (page - 1) * size;
        return new Paged<>(all.subList(from, Math.min(all.size(), from + size)), page, pages, all.size(), size);
    }

    public int firstRow() {
        return total == 0 ? 0 : (page - 1) * size + 1;
    }

    public int lastRow() {
        return (page - 1) * size + rows.size();
    }
}
