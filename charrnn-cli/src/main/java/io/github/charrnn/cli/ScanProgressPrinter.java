package io.github.charrnn.cli;

import io.github.charrnn.datavec.corpus.ScanProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress of reading a text (its two passes: vocabulary, then encoding): a bar per pass in a terminal
 * (me.tongfei:progressbar, as training's), otherwise a plain line at most every {@value #LINE_SECONDS} seconds, so
 * a text read in less time than that prints nothing.
 */
final class ScanProgressPrinter implements ScanProgress, AutoCloseable {

    static final int LINE_SECONDS = 5;

    private final PrintStream out;
    private final boolean bar;
    private final long started = System.nanoTime();
    private ProgressBar current;
    private Pass pass;
    private long lastLine = System.nanoTime();

    /** @param bar a terminal bar; else lines to {@code out} */
    ScanProgressPrinter(PrintStream out, boolean bar) {
        this.out = out;
        this.bar = bar;
    }

    @Override
    public void onProgress(Pass now, long bytesDone, long bytesTotal) {
        if (bar) {
            if (now != pass) {
                close();
                current = new ProgressBarBuilder().setTaskName(label(now)).setInitialMax(bytesTotal >> 20)
                        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" MB", 1).showSpeed().build();
            }
            current.stepTo(bytesDone >> 20);
        } else if (System.nanoTime() - lastLine >= LINE_SECONDS * 1_000_000_000L) {
            lastLine = System.nanoTime();
            out.printf(Locale.ROOT, "reading the text: %s %d%% (%,d of %,d MB) after %.0f s%n", label(now),
                    bytesTotal == 0 ? 100 : 100 * bytesDone / bytesTotal, bytesDone >> 20, bytesTotal >> 20,
                    (lastLine - started) / 1e9);
            out.flush();
        }
        pass = now;
    }

    private static String label(Pass pass) {
        return pass == Pass.VOCABULARY ? "vocabulary" : "encoding";
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
