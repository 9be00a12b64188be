package org.onestop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Small counts are hidden, and no row or column is left with a single hidden count a total would give away. */
class SmallCellsTest {

    private static final SmallCells.Mark S = SmallCells.Mark.SHOWN;
    private static final SmallCells.Mark L = SmallCells.Mark.SMALL;
    private static final SmallCells.Mark H = SmallCells.Mark.SUPPRESSED;

    @Test
    void aLoneSmallCountTakesTheSmallestOtherCountOfItsRowAndColumnWithIt() {
        // Two services, two months and the total: service b has 2 in the first month.
        long[][] counts = {
                {9, 7, 16},
                {2, 8, 10},
        };
        SmallCells.Mark[][] marks = SmallCells.suppress(counts, n -> n >= 5);
        // b's first month is small; its row then hides its smallest other count (8, the second month), and the first
        // column hides a's 9; a's row and the second column then each have one hidden count, so a's 7 goes too.
        assertThat(marks[1][0]).isEqualTo(L);
        assertThat(marks[1][1]).isEqualTo(H);
        assertThat(marks[0][0]).isEqualTo(H);
        assertThat(marks[0][1]).isEqualTo(H);
        assertThat(marks[0][2]).isEqualTo(S);
        assertThat(marks[1][2]).isEqualTo(S);
        assertNoLoneHiddenCount(marks);
    }

    @Test
    void nothingSmallHidesNothing() {
        SmallCells.Mark[][] marks = SmallCells.suppress(new long[][] {{5, 6, 11}, {7, 8, 15}}, n -> n >= 5);
        for (SmallCells.Mark[] row : marks) {
            assertThat(row).containsOnly(S);
        }
    }

    @Test
    void onRandomTablesNoRowOrColumnKeepsASingleHiddenCount() {
        Random random = new Random(12);
        for (int t = 0; t < 500; t++) {
            int rows = 1 + random.nextInt(6);
            int months = 1 + random.nextInt(12);
            long[][] counts = new long[rows][months + 1];
            for (int r = 0; r < rows; r++) {
                for (int m = 0; m < months; m++) {
                    counts[r][m] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(40);
                    counts[r][months] += counts[r][m];
                }
            }
            SmallCells.Mark[][] marks = SmallCells.suppress(counts, n -> n >= 5);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c <= months; c++) {
                    assertThat(marks[r][c] == L).isEqualTo(counts[r][c] < 5);
                }
            }
            if (rows > 1) {
                assertNoLoneHiddenCount(marks);
            }
        }
    }

    private static void assertNoLoneHiddenCount(SmallCells.Mark[][] marks) {
        for (SmallCells.Mark[] row : marks) {
            long hidden = java.util.Arrays.stream(row).filter(m -> m != S).count();
            assertThat(hidden).isNotEqualTo(1);
        }
        for (int c = 0; c < marks[0].length; c++) {
            long hidden = 0;
            for (SmallCells.Mark[] row : marks) {
                hidden += row[c] != S ? 1 : 0;
            }
            assertThat(hidden).as("column %d", c).isNotEqualTo(1);
        }
    }
}
