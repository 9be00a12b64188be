package org.onestop.dashboard;

import java.util.function.LongPredicate;

/**
 * Small-cell suppression for a table of counts whose last column is each row's total (the months and the 12 months):
 * a count the rule forbids is hidden (primary), and then, so that no hidden count can be worked out by subtracting
 * the counts shown from a total, every row and every column holds either no hidden count or at least two: where one
 * holds exactly one, its smallest shown count is hidden too (secondary), until nothing changes. A column's total is
 * not on the page but could be known (the city-wide figure less the private cases, or the sum of another breakdown),
 * so columns count as lines with a known total as well.
 */
final class SmallCells {

    enum Mark { SHOWN, SMALL, SUPPRESSED }

    private SmallCells() {
    }

    static Mark[][] suppress(long[][] counts, LongPredicate mayShow) {
        int rows = counts.length;
        int columns = rows == 0 ? 0 : counts[0].length;
        Mark[][] marks = new Mark[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                marks[r][c] = mayShow.test(counts[r][c]) ? Mark.SHOWN : Mark.SMALL;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rows; r++) {
                if (hidden(marks, r, -1) == 1) {
                    changed |= hideSmallest(counts, marks, r, -1);
                }
            }
            for (int c = 0; c < columns; c++) {
                if (hidden(marks, -1, c) == 1) {
                    changed |= hideSmallest(counts, marks, -1, c);
                }
            }
        }
        return marks;
    }

    /** Hidden cells in row {@code row} (column -1) or column {@code column} (row -1). */
    private static int hidden(Mark[][] marks, int row, int column) {
        int n = 0;
        int length = row >= 0 ? marks[row].length : marks.length;
        for (int i = 0; i < length; i++) {
            if ((row >= 0 ? marks[row][i] : marks[i][column]) != Mark.SHOWN) {
                n++;
            }
        }
        return n;
    }

    private static boolean hideSmallest(long[][] counts, Mark[][] marks, int row, int column) {
        int length = row >= 0 ? marks[row].length : marks.length;
        int best = -1;
        for (int i = 0; i < length; i++) {
            Mark mark = row >= 0 ? marks[row][i] : marks[i][column];
            long count = row >= 0 ? counts[row][i] : counts[i][column];
            if (mark == Mark.SHOWN && (best < 0 || count < (row >= 0 ? counts[row][best] : counts[best][column]))) {
                best = i;
            }
        }
        if (best < 0) {
            return false;
        }
        if (row >= 0) {
            marks[row][best] = Mark.SUPPRESSED;
        } else {
            marks[best][column] = Mark.SUPPRESSED;
        }
        return true;
    }
}
